import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useShellStore } from '../../app/shell-store';
import { ErrorNotice } from '../../kit/ErrorNotice';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { AttentionItem } from './AttentionItem';
import type { DeadLetter } from './ChangeParts';
import { RecordText } from './ChangeParts';
import { ageOf, kindTextKey } from './sync-text';

type PendingChange = MethodOutput<'sync.pendingList'>[number];

type Lists =
  | { status: 'loading' }
  | { status: 'loaded'; pending: PendingChange[]; attention: DeadLetter[] | null }
  | { status: 'failed'; error: ErrorBody };

function AgeText({ since }: { since: string }) {
  const t = useT();
  const age = ageOf(since, Date.now());
  if (!age) return null;
  return <>{age.unit === 'hours' ? t('syncPanel.ageHours', { n: age.n }) : t('syncPanel.ageMinutes', { n: age.n })}</>;
}

interface SyncHealthProps {
  /** Bumped by the owner (after "sync now") to read the lists again. */
  reload: number;
  /** Where focus goes after an action, so the keyboard user is not left on a removed button. */
  focusAfter?: () => void;
}

/**
 * Sync health in words a supervisor understands (issue 15): changes still to send with their
 * record and age; the refused and conflicting ones with the reason, both versions side by side,
 * and the ways out — retry, take the back office's version, or discard with a reason.
 */
export function SyncHealth({ reload: outerReload, focusAfter }: SyncHealthProps) {
  const t = useT();
  const supervisor = useShellStore((state) => state.clerk?.roles.includes('supervisor') ?? false);
  const [lists, setLists] = useState<Lists>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [failure, setFailure] = useState<ErrorBody | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
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
  }, [reload, outerReload, supervisor]);

  /** Runs one supervisor action; true when it was done. */
  async function act(call: () => ReturnType<typeof api.call<'sync.retry'>>, doneText: PlainMessageKey): Promise<boolean> {
    setBusy(true);
    const result = await call();
    setBusy(false);
    setReload((n) => n + 1);
    if (!result.ok) {
      setFailure(result.error);
      return false;
    }
    setFailure(null);
    setDone(t(doneText));
    focusAfter?.();
    return true;
  }

  return (
    <>
      <p className="sync-done" role="status">
        {done}
      </p>
      {failure && <ErrorNotice error={failure} context="syncPanel.actionFailed" />}
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
                {lists.pending.map((change) => {
                  const kind = kindTextKey(change.kind);
                  return (
                    <li key={change.mutationId} className="sync-item">
                      <span className="sync-item-kind">{kind ? t(kind) : change.kind}</span>
                      <span className="sync-item-meta">
                        <RecordText record={change.record} />
                      </span>
                      <span className="sync-item-meta">
                        {t('syncPanel.savedAt', { time: formatDateTime(change.createdAt) })} · <AgeText since={change.createdAt} />
                        {change.status === 'inflight' && <> · {t('syncPanel.inflight')}</>}
                        {change.status === 'blocked_on_blob' && <> · {t('syncPanel.blockedOnBlob')}</>}
                        {change.attempts > 0 && <> · {t('syncPanel.attempts', { n: change.attempts })}</>}
                      </span>
                    </li>
                  );
                })}
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
                  <AttentionItem
                    key={letter.mutationId}
                    letter={letter}
                    busy={busy}
                    onRetry={(mutationId) => void act(() => api.call('sync.retry', { mutationId }), 'syncPanel.retried')}
                    onDiscard={(mutationId, reason) => act(() => api.call('sync.discard', { mutationId, reason }), 'syncPanel.discarded')}
                    onResolve={(mutationId, reason) => act(() => api.call('sync.resolve', { mutationId, reason }), 'syncPanel.resolved')}
                  />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
