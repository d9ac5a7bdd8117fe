import { useT } from '../i18n/use-t';
import { useShellStore } from './shell-store';

/** Shown while the transport is re-establishing the link (under Electron: the backend is restarting). */
export function ReconnectBanner() {
  const t = useT();
  const reconnecting = useShellStore((state) => state.connection === 'reconnecting');
  if (!reconnecting) return null;
  return (
    <div className="banner banner-warning" role="alert">
      <p className="banner-title">{t('banner.reconnecting')}</p>
      <p>{t('banner.reconnectingHint')}</p>
    </div>
  );
}
