import { useEffect, useRef, useState } from 'react';
import type { MethodOutput, SyncStatus } from '../../../../shared/contract';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useShellStore } from '../../app/shell-store';
import { ErrorNotice } from '../../kit/ErrorNotice';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { Dialog } from '../../kit/Dialog';
import { formatDateTime } from '../../lib/format';
import { AttentionItem } from './AttentionItem';
import type { DeadLetter } from './AttentionItem';
import { ageOf, clockSkewed, kindTextKey } from './sync-text';

type PendingChange = MethodOutput<'sync.pendingList'>[number];

type Lists =
  | { status: 'loading' }
  | { status: 'loaded'; pending: PendingChange[]; attention: DeadLetter[] | null }
  | { status: 'failed'; error: ErrorBody };

interface SyncPanelProps {
  open: boolean;
  /** The status bar's words for each state, so the panel says the same. */
  stateText: PlainMessageKey;
  onClose(): void;
}

function useKindText(): (kind: string) => string {
  const t = useT();
  return (kind) => {
    const key = kindTextKey(kind);
    return key ? t(key) : kind;
  };
}

function StatusSummary({ sync, stateText }: { sync: SyncStatus | null; stateText: PlainMessageKey }) {
  const t = useT();
  const age = sync?.oldestPendingAt ? ageOf(sync.oldestPendingAt, Date.now()) : null;
  const ageText = (a: { unit: 'minutes' | 'hours'; n: number }): string =>
    a.unit === 'hours'
      ? t('syncPanel.oldestHours', { n: a.n })
      : a.n === 0
        ? t('syncPanel.oldestJustNow')
        : t('syncPanel.oldestMinutes', { n: a.n });
  return (
    <ul className="sync-summary">
      <li>{t('syncPanel.state', { state: t(stateText) })}</li>
      {sync && (
        <>
          <li>
            {/* A standalone desk has no back office to send to: its changes are kept here for a later enrollment. */}
            {sync.state === 'standalone' ? t('syncPanel.keptHere', { count: sync.pending }) : t('sync.pending', { count: sync.pending })}
            {sync.pending > 0 && age && <span className="muted"> ({ageText(age)})</span>}
          </li>
          {sync.filesLeft > 0 && <li>{t('syncPanel.files', { count: sync.filesLeft })}</li>}
          {sync.state !== 'standalone' && (
            <li>
              {sync.lastSuccessAt
                ? t('syncPanel.lastSuccess', { time: formatDateTime(sync.lastSuccessAt) })
                : t('syncPanel.lastSuccessNever')}
            </li>
          )}
          {sync.deadLetters + sync.conflicts > 0 && (
            <li className="status-attention">{t('sync.attention', { count: sync.deadLetters + sync.conflicts })}</li>
          )}
          {clockSkewed(sync.clockOffsetMs) && (
            <li className="sync-warning">
              {t('syncPanel.clockSkew', { minutes: Math.round(Math.abs(sync.clockOffsetMs ?? 0) / 60_000) })}
            </li>
          )}
        </>
      )}
    </ul>
  );
}

/**
 * The sync panel: what the status bar summarizes, in full. Changes still to send, and the ones the
 * back office refused or found in conflict; a supervisor retries those or discards them with a reason.
 */
export function SyncPanel({ open, stateText, onClose }: SyncPanelProps) {
  const t = useT();
  const kindText = useKindText();
  const title = useRef<HTMLHeadingElement>(null);
  const sync = useShellStore((state) => state.sync);
  const supervisor = useShellStore((state) => state.clerk?.roles.includes('supervisor') ?? false);
  const [lists, setLists] = useState<Lists>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [failure, setFailure] = useState<{ error: ErrorBody; context: PlainMessageKey } | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    let alive = true;
    void Promise.all([
      api.call('sync.pendingList', {}),
      supervisor ? api.call('sync.deadLetters', {}) : Promise.resolve(null),
      api.call('sync.status', {}),
    ]).then(([pending, dead, status]) => {
      if (!alive) return;
      if (status.ok) useShellStore.setState({ sync: status.value });
      if (!pending.ok) return setLists({ status: 'failed', error: pending.error });
      if (dead && !dead.ok) return setLists({ status: 'failed', error: dead.error });
      setLists({ status: 'loaded', pending: pending.value, attention: dead ? dead.value : null });
    });
    return () => {
      alive = false;
    };
  }, [open, reload, supervisor]);

  function close(): void {
    setFailure(null);
    setDone('');
    setLists({ status: 'loading' });
    onClose();
  }

  async function syncNow(): Promise<void> {
    setBusy(true);
    const result = await api.call('sync.now', {});
    setBusy(false);
    if (!result.ok) {
      setFailure({ error: result.error, context: 'syncPanel.nowFailed' });
    } else {
      setFailure(null);
      useShellStore.setState({ sync: result.value });
    }
    setReload((n) => n + 1);
  }

  async function retry(mutationId: string): Promise<void> {
    setBusy(true);
    const result = await api.call('sync.retry', { mutationId });
    setBusy(false);
    if (!result.ok) {
      setFailure({ error: result.error, context: 'syncPanel.actionFailed' });
    } else {
      setFailure(null);
      setDone(t('syncPanel.retried'));
    }
    setReload((n) => n + 1);
    title.current?.focus();
  }

  async function discard(mutationId: string, reason: string): Promise<boolean> {
    setBusy(true);
    const result = await api.call('sync.discard', { mutationId, reason });
    setBusy(false);
    if (!result.ok) {
      setFailure({ error: result.error, context: 'syncPanel.actionFailed' });
      return false;
    }
    setFailure(null);
    setDone(t('syncPanel.discarded'));
    setReload((n) => n + 1);
    title.current?.focus();
    return true;
  }

  const standalone = !sync || sync.state === 'standalone';
  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('syncPanel.title')}
      titleRef={title}
      wide
      className="sync-panel"
      headerActions={
        <Button variant="quiet" onClick={close}>
          {t('syncPanel.close')}
        </Button>
      }
    >
      <StatusSummary sync={sync} stateText={stateText} />
      {standalone ? (
        <p className="kit-field-hint">{t('syncPanel.standalone')}</p>
      ) : (
        <Button variant="primary" disabled={busy} onClick={() => void syncNow()}>
          {t('syncPanel.now')}
        </Button>
      )}
      <p className="sync-done" role="status">
        {done}
      </p>
      {failure && <ErrorNotice error={failure.error} context={failure.context} />}
      {lists.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {lists.status === 'failed' && (
        <ErrorNotice error={lists.error} context="syncPanel.loadFailed" onRetry={() => setReload((n) => n + 1)} />
      )}
      {lists.status === 'loaded' && (
        <>
          <section className="sync-list" aria-labelledby="sync-pending-title">
            <h3 id="sync-pending-title" className="kit-dialog-subtitle">
              {t('syncPanel.pendingTitle')}
            </h3>
            {lists.pending.length === 0 ? (
              <p className="muted">{t('syncPanel.pendingEmpty')}</p>
            ) : (
              <ul className="sync-items" aria-labelledby="sync-pending-title">
                {lists.pending.map((change) => (
                  <li key={change.mutationId} className="sync-item">
                    <span className="sync-item-kind">{kindText(change.kind)}</span>
                    <span className="sync-item-meta">
                      {t('syncPanel.savedAt', { time: formatDateTime(change.createdAt) })}
                      {change.status === 'inflight' && <> · {t('syncPanel.inflight')}</>}
                      {change.status === 'blocked_on_blob' && <> · {t('syncPanel.blockedOnBlob')}</>}
                      {change.attempts > 0 && <> · {t('syncPanel.attempts', { n: change.attempts })}</>}
                    </span>
                    {change.lastError && <span className="sync-item-meta">{t('syncPanel.lastError', { error: change.lastError })}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="sync-list" aria-labelledby="sync-attention-title">
            <h3 id="sync-attention-title" className="kit-dialog-subtitle">
              {t('syncPanel.attentionTitle')}
            </h3>
            {lists.attention === null ? (
              <p className="muted">{t('syncPanel.supervisorOnly')}</p>
            ) : lists.attention.length === 0 ? (
              <p className="muted">{t('syncPanel.attentionEmpty')}</p>
            ) : (
              <ul className="sync-items" aria-labelledby="sync-attention-title">
                {lists.attention.map((letter) => (
                  <AttentionItem key={letter.mutationId} letter={letter} busy={busy} onRetry={(id) => void retry(id)} onDiscard={discard} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Dialog>
  );
}
