import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { LanguageSwitch } from './LanguageSwitch';
import { ReconnectBanner } from './ReconnectBanner';
import { StorageDamagedBanner } from './StorageDamagedBanner';
import { useShellStore } from './shell-store';
import { StatusBar } from './StatusBar';

/**
 * The desk before anyone works at it (signing in, a forced password change, waiting for the
 * backend): which desk this is, the language, the link's banner and the status bar, around one
 * piece of content. Nothing of a clerk's work shows here.
 */
export function DeskFrame({ children }: { children: ReactNode }) {
  const t = useT();
  const info = useShellStore((state) => state.info);
  return (
    <div className="shell">
      <header className="header">
        <p className="product">Vikno</p>
        <div className="desk-identity">
          {info.status === 'loaded' && (
            <>
              <span className="center-name" title={info.info.center.name}>
                {info.info.center.name}
              </span>
              <span className="window-number">{t('header.window', { window: info.info.desk.window })}</span>
            </>
          )}
        </div>
        <LanguageSwitch />
      </header>
      <ReconnectBanner />
      <StorageDamagedBanner />
      <main className="content auth-main">{children}</main>
      <StatusBar />
    </div>
  );
}
