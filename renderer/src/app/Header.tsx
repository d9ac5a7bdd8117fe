import { useT } from '../i18n/use-t';
import { ClerkSettings } from './ClerkSettings';
import { LanguageSwitch } from './LanguageSwitch';
import { useShellStore } from './shell-store';

export function Header() {
  const t = useT();
  const info = useShellStore((state) => state.info);
  return (
    <header className="header">
      <h1 className="product">Vikno</h1>
      <div className="desk-identity">
        {info.status === 'loaded' ? (
          <>
            {/* Up to three lines, then an ellipsis; the full name stays in the text (read by screen readers) and in the tooltip. */}
            <span className="center-name" title={info.info.center.name}>
              {info.info.center.name}
            </span>
            <span className="window-number">{t('header.window', { window: info.info.desk.window })}</span>
          </>
        ) : (
          <span className="center-name muted">{info.status === 'loading' ? t('app.loading') : t('header.unknownDesk')}</span>
        )}
      </div>
      <ClerkSettings />
      <LanguageSwitch />
    </header>
  );
}
