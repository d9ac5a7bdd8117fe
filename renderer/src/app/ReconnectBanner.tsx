import { useT } from '../i18n/use-t';
import { useShellStore } from './shell-store';

/**
 * Shown while the transport is re-establishing the link (under Electron: the backend is
 * restarting), or, in the browser host, once the host refused this window's link for good.
 */
export function ReconnectBanner() {
  const t = useT();
  const connection = useShellStore((state) => state.connection);
  if (connection === 'refused') {
    return (
      <div className="banner banner-error" role="alert">
        <p className="banner-title">{t('banner.linkRefused')}</p>
        <p>{t('banner.linkRefusedHint')}</p>
        <p>{t('banner.linkRefusedDraft')}</p>
      </div>
    );
  }
  if (connection !== 'reconnecting') return null;
  return (
    <div className="banner banner-warning" role="alert">
      <p className="banner-title">{t('banner.reconnecting')}</p>
      <p>{t('banner.reconnectingHint')}</p>
    </div>
  );
}
