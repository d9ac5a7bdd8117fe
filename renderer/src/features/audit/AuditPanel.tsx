import { useEffect, useState } from 'react';
import type { AuditViewEntry } from '../../../../shared/audit-view';
import type { AuditCheck } from '../../../../shared/contract';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { localToday } from '../../app/center-today';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { DataTable } from '../../kit/DataTable';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { Notice } from '../../kit/Notice';
import { SelectInput } from '../../kit/SelectInput';
import { formatDateTime } from '../../lib/format';
import { typedPeriodOf } from '../registers/period';
import { PeriodPicker } from '../registers/PeriodPicker';
import { ACTION_FILTERS, actionText, checkText, detailText } from './audit-text';

const PAGE = 100;

interface Filters {
  from: string;
  to: string;
  actor: string;
  action: string;
}

type Trail =
  | { status: 'loading' }
  | { status: 'loaded'; entries: AuditViewEntry[]; check: AuditCheck; more: boolean }
  | { status: 'failed'; error: ErrorBody };

/**
 * The audit trail tab of «Перегляд»: who did what, when, at which desk, to which record, for a
 * period, a clerk and an action; newest first, a page at a time; and whether the chain is intact.
 */
export function AuditPanel() {
  const t = useT();
  const [filters, setFilters] = useState<Filters>(() => ({ from: localToday(), to: localToday(), actor: '', action: '' }));
  const [draft, setDraft] = useState({ actor: '', action: '' });
  const [trail, setTrail] = useState<Trail>({ status: 'loading' });
  const [clerks, setClerks] = useState<Map<string, string>>(new Map());
  const [reload, setReload] = useState(0);

  async function load(query: Filters, before: number | undefined, previous: AuditViewEntry[]): Promise<void> {
    const result = await api.call('audit.list', {
      from: query.from,
      to: query.to,
      limit: PAGE,
      ...(query.actor ? { actor: query.actor } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(before === undefined ? {} : { before }),
    });
    if (!result.ok) {
      setTrail({ status: 'failed', error: result.error });
      return;
    }
    const entries = [...previous, ...result.value.entries];
    setTrail({ status: 'loaded', entries, check: result.value.check, more: result.value.entries.length === PAGE });
    // The clerk filter offers everyone seen in the trail so far.
    setClerks((known) => {
      const next = new Map(known);
      for (const e of result.value.entries) next.set(e.actorId, e.actorName ?? t('audit.unknownClerk', { id: e.actorId }));
      return next;
    });
  }

  useEffect(() => {
    setTrail({ status: 'loading' });
    void load(filters, undefined, []);
  }, [filters, reload]);

  return (
    <section className="audit-panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <PeriodPicker id="audit-period" initial={typedPeriodOf(localToday())} onShow={(period) => setFilters({ ...period, ...draft })}>
        <SelectInput
          id="audit-clerk"
          label={t('audit.clerk')}
          value={draft.actor}
          options={[{ value: '', label: t('audit.anyClerk') }, ...[...clerks].map(([value, label]) => ({ value, label }))]}
          onChange={(actor) => setDraft({ ...draft, actor })}
        />
        <SelectInput
          id="audit-action"
          label={t('audit.action')}
          value={draft.action}
          options={[{ value: '', label: t('audit.anyAction') }, ...ACTION_FILTERS.map((a) => ({ value: a, label: actionText(t, a) }))]}
          onChange={(action) => setDraft({ ...draft, action })}
        />
      </PeriodPicker>
      {trail.status === 'loading' && <p className="muted">{t('audit.loading')}</p>}
      {trail.status === 'failed' && <ErrorNotice error={trail.error} context="audit.loadFailed" onRetry={() => setReload((n) => n + 1)} />}
      {trail.status === 'loaded' && (
        <>
          <Notice tone={trail.check.state === 'ok' ? 'success' : trail.check.state === 'pending' ? 'info' : 'error'}>
            <p>{checkText(t, trail.check)}</p>
          </Notice>
          <DataTable
            caption={{ labelledBy: 'audit-title' }}
            columns={[
              { key: 'at', header: t('audit.col.at'), cell: (e) => formatDateTime(e.at) },
              { key: 'clerk', header: t('audit.col.clerk'), cell: (e) => e.actorName ?? t('audit.unknownClerk', { id: e.actorId }) },
              { key: 'desk', header: t('audit.col.desk'), cell: (e) => e.desk },
              { key: 'action', header: t('audit.col.action'), rowHeader: true, cell: (e) => actionText(t, e.action) },
              { key: 'record', header: t('audit.col.record'), cell: (e) => e.entityLabel ?? '' },
              {
                key: 'details',
                header: t('audit.col.details'),
                cell: (e) => e.details.map((d) => detailText(t, d)).join('; '),
              },
            ]}
            rows={trail.entries}
            rowKey={(e) => String(e.seq)}
            empty={t('audit.empty')}
          />
          {trail.more && <Button onClick={() => void load(filters, trail.entries.at(-1)!.seq, trail.entries)}>{t('audit.more')}</Button>}
        </>
      )}
    </section>
  );
}
