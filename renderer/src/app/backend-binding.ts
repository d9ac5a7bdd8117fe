import type { ViknoApi } from '../../../shared/contract';
import { useShellStore } from './shell-store';

export async function loadAppInfo(api: ViknoApi): Promise<void> {
  const result = await api.call('app.info', {});
  useShellStore.setState({
    info: result.ok ? { status: 'loaded', info: result.value } : { status: 'failed', error: result.error },
  });
}

export async function loadClerk(api: ViknoApi): Promise<void> {
  const result = await api.call('clerk.me', {});
  if (result.ok) useShellStore.setState({ clerk: result.value });
}

/**
 * Mirrors the backend's events into the shell store. Must run in the same task that created
 * `api`: the socket cannot open before then, so the first `connected` is never missed.
 * app.info is re-read on every (re)connect because a restarted backend may be a new version.
 */
export function bindBackend(api: ViknoApi): void {
  api.on('connection.state', ({ state }) => {
    useShellStore.setState({ connection: state });
    if (state === 'connected') {
      void loadAppInfo(api);
      void loadClerk(api);
    }
  });
  api.on('sync.status', (sync) => useShellStore.setState({ sync }));
}
