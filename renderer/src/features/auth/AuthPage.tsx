import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useShellStore } from '../../app/shell-store';
import { useT } from '../../i18n/use-t';

/**
 * The page a signed-out desk shows (sign-in, a forced password change): the product, the desk it
 * is and the language, then one titled card. The title is the page's heading, named for screen readers.
 */
export function AuthPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const t = useT();
  const info = useShellStore((state) => state.info);
  return (
    <div className="auth-page">
      <header className="header">
        <p className="product">Vikno</p>
        <div className="desk-identity">
          {info.status === 'loaded' && (
            <>
              <span className="center-name">{info.info.center.name}</span>
              <span className="window-number">{t('header.window', { window: info.info.desk.window })}</span>
            </>
          )}
        </div>
        <LanguageSwitch />
      </header>
      <main className="auth-main">
        <section className="auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title" className="auth-title">
            {title}
          </h1>
          <p className="kit-field-hint">{intro}</p>
          {children}
        </section>
      </main>
    </div>
  );
}
