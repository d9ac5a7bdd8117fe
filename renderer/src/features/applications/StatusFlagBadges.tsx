import type { StatusFlags } from '../../../../shared/domain/status-flags';
import { useT } from '../../i18n/use-t';

/** The derived flags of a case (docs/ARCHITECTURE.md §6.1) as badges beside its status. */
export function StatusFlagBadges({ flags }: { flags: StatusFlags }) {
  const t = useT();
  return (
    <>
      {flags.handoffOverdue && <span className="status-badge status-overdue">{t('status.flag.handoffOverdue')}</span>}
      {flags.overdue && <span className="status-badge status-overdue">{t('applications.overdue')}</span>}
      {flags.dueSoon && <span className="status-badge status-due-soon">{t('status.flag.dueSoon')}</span>}
    </>
  );
}
