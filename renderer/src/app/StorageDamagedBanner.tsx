import { useT } from '../i18n/use-t';
import { formatDateTime } from '../lib/format';
import { useShellStore } from './shell-store';

/**
 * Shown on every screen, signed in or not, once the background check of the database found it
 * damaged (docs/ARCHITECTURE.md §5.1): the backend then refuses every change, and the clerk
 * must know why before trying, and which backup IT is to restore.
 */
export function StorageDamagedBanner() {
  const t = useT();
  const integrity = useShellStore((state) => state.integrity);
  if (integrity?.state !== 'damaged') return null;
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-title">{t('banner.storageDamaged')}</p>
      <p>{t('banner.storageDamagedHint', { checkedAt: formatDateTime(integrity.checkedAt), problem: integrity.problem })}</p>
      <p>{integrity.backup ? t('banner.storageDamagedBackup', { backup: integrity.backup }) : t('banner.storageDamagedNoBackup')}</p>
    </div>
  );
}
