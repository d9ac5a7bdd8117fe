import { api } from '../api';
import { ErrorNotice } from '../kit/ErrorNotice';
import { loadAppInfo } from './backend-binding';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { ReconnectBanner } from './ReconnectBanner';
import { SCREEN_COMPONENTS } from './screen-components';
import { useShellStore } from './shell-store';
import { StatusBar } from './StatusBar';
import { useScreenShortcuts } from './use-screen-shortcuts';

export function Shell() {
  const screenId = useShellStore((state) => state.screen);
  const info = useShellStore((state) => state.info);
  useScreenShortcuts();
  const Screen = SCREEN_COMPONENTS[screenId];
  return (
    <div className="shell">
      <Header />
      <ReconnectBanner />
      {info.status === 'failed' && <ErrorNotice error={info.error} context="error.infoFailed" onRetry={() => void loadAppInfo(api)} />}
      <div className="workspace">
        <Navigation />
        <main className="content">
          <Screen key={screenId} />
        </main>
      </div>
      <StatusBar />
    </div>
  );
}
