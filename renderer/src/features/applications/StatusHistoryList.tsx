import type { Application } from '../../../../shared/domain/application';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { STATUS_TEXT } from './status-text';

/**
 * «Історія стану»: the back office's steps, then this desk's not yet accepted ones, marked
 * (docs/SYNC.md, "History that never lies"). Each step names who made it.
 */
export function StatusHistoryList({ history }: { history: Application['history'] }) {
  const t = useT();
  return (
    <ol className="history">
      {history.map((change, index) => (
        <li key={index} className={change.pending ? 'history-pending' : undefined}>
          <span className="history-time">{formatDateTime(change.at)}</span> <strong>{t(STATUS_TEXT[change.to])}</strong>
          {change.reason && <span> — {change.reason}</span>}
          {change.receivedBy && <span> — {t('applications.receivedBy', { name: change.receivedBy })}</span>}
          <span className="history-actor"> — {t('applications.historyActor', { name: change.actorName ?? t('applications.historyOtherDesk') })}</span>
          {change.pending && <em className="history-pending-mark"> ({t('applications.historyPending')})</em>}
        </li>
      ))}
    </ol>
  );
}
