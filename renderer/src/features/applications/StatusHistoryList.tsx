import type { Application } from '../../../../shared/domain/application';
import { useShellStore } from '../../app/shell-store';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { STATUS_TEXT } from './status-text';

/**
 * «Історія стану»: the back office's steps, then this desk's not yet accepted ones, marked
 * (docs/SYNC.md, "History that never lies"). Each step names who made it. A standalone desk has no
 * back office to send to, so nothing there is marked as waiting for one.
 */
export function StatusHistoryList({ history }: { history: Application['history'] }) {
  const t = useT();
  const standalone = useShellStore((state) => state.sync?.state === 'standalone');
  return (
    <ol className="history">
      {history.map((change, index) => {
        // A step that keeps the status is a supervisor's correction of fields (its reason is the correction's), wherever it was made.
        const correction = change.correctionReason ?? (change.from === change.to ? change.reason : null);
        return (
          <li key={index} className={change.pending && !standalone ? 'history-pending' : undefined}>
            <span className="history-time">{formatDateTime(change.at)}</span> <strong>{t(STATUS_TEXT[change.to])}</strong>
            {correction && <span className="history-correction"> — {t('applications.historyCorrected', { reason: correction })}</span>}
            {change.reason && change.reason !== correction && <span> — {change.reason}</span>}
            {change.receivedBy && <span> — {t('applications.receivedBy', { name: change.receivedBy })}</span>}
            <span className="history-actor">
              {' '}
              — {t('applications.historyActor', { name: change.actorName ?? t('applications.historyOtherDesk') })}
            </span>
            {change.pending && !standalone && <em className="history-pending-mark"> ({t('applications.historyPending')})</em>}
          </li>
        );
      })}
    </ol>
  );
}
