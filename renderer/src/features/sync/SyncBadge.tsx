import type { RecordSync } from '../../../../shared/domain/application';
import { useT } from '../../i18n/use-t';
import { RECORD_SYNC_TEXT } from './sync-text';

/** Where a record's latest change stands with the back office: words and a mark, never colour alone. */
export function SyncBadge({ sync }: { sync: RecordSync }) {
  const t = useT();
  return (
    <span className={`sync-badge sync-badge-${sync}`}>
      <span className="sync-badge-mark" aria-hidden="true" />
      {t(RECORD_SYNC_TEXT[sync])}
    </span>
  );
}
