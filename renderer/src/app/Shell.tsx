import { Suspense } from 'react';
import { api } from '../api';
import { useT } from '../i18n/use-t';
import { ErrorNotice } from '../kit/ErrorNotice';
import { Notice } from '../kit/Notice';
import { loadAppInfo } from './backend-binding';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { ReconnectBanner } from './ReconnectBanner';
import { StorageDamagedBanner } from './StorageDamagedBanner';
import { SCREEN_COMPONENTS } from './screen-components';
import { useShellStore } from './shell-store';
import { StatusBar } from './StatusBar';
import { useScreenShortcuts } from './use-screen-shortcuts';
import { useCurrentScreen } from './visible-screens';

function NoScreens() {
  const t = useT();
  return (
    <section className="screen">
      <Notice tone="info" announce={false}>
        <p>{t('auth.noScreens')}</p>
      </Notice>
    </section>
  );
}

/** The app for a signed-in clerk: the screens their roles open. */
export function Shell() {
  const screenId = useCurrentScreen();
  const info = useShellStore((state) => state.info);
  useScreenShortcuts();
  const Screen = screenId ? SCREEN_COMPONENTS[screenId] : NoScreens;
  return (
    <div className="shell">
      <Header />
      <ReconnectBanner />
      <StorageDamagedBanner />
      {info.status === 'failed' && <ErrorNotice error={info.error} context="error.infoFailed" onRetry={() => void loadAppInfo(api)} />}
      <div className="workspace">
        <Navigation />
        <main className="content">
          {/* While a screen's chunk loads (once per session), the content area stays empty and says it is busy. */}
          <Suspense fallback={<section className="screen" aria-busy="true" />}>
            <Screen key={screenId} />
          </Suspense>
        </main>
      </div>
      <StatusBar />
    </div>
  );
}
