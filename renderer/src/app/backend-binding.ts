import type { ViknoApi } from '../../../shared/contract';
import { followAuth, loadAuth } from '../features/auth/auth-store';
import { useShellStore } from './shell-store';

export async function loadAppInfo(api: ViknoApi): Promise<void> {
  const result = await api.call('app.info', {});
  useShellStore.setState({
    info: result.ok ? { status: 'loaded', info: result.value } : { status: 'failed', error: result.error },
  });
}

/** The database check's state as the backend has it now (an event may have gone out before this window connected). */
async function loadIntegrity(api: ViknoApi): Promise<void> {
  const result = await api.call('app.health', {});
  if (result.ok) useShellStore.setState({ integrity: result.value.integrity });
}

/**
 * Mirrors the backend's events into the shell store. Must run in the same task that created
 * `api`: the socket cannot open before then, so the first `connected` is never missed.
 * app.info is re-read on every (re)connect because a restarted backend may be a new version, and
 * the sign-in state because a restarted backend may have signed the desk out.
 */
export function bindBackend(api: ViknoApi): void {
  api.on('connection.state', ({ state }) => {
    useShellStore.setState({ connection: state });
    if (state === 'connected') {
      void loadAppInfo(api);
      void loadAuth(api);
      void loadIntegrity(api);
    }
  });
  api.on('sync.status', (sync) => useShellStore.setState({ sync }));
  api.on('auth.changed', followAuth);
  api.on('storage.integrity', (integrity) => useShellStore.setState({ integrity }));
}
