/**
 * The app opens on the clerk's main screen (the queue) the first time, and on the screen last
 * used after that. Kept in the renderer's storage: it is this window's habit, not the desk's data.
 * Storage can throw (disabled, sandboxed): then the app simply opens on the queue.
 */
import { SCREENS } from './screen-list';
import type { ScreenId } from './screen-list';
import { useShellStore } from './shell-store';

export const SCREEN_STORAGE_KEY = 'vikno.screen';
export const MAIN_SCREEN: ScreenId = 'queue';

export function readStoredScreen(storage: Pick<Storage, 'getItem'> | undefined): ScreenId {
  try {
    const stored = storage?.getItem(SCREEN_STORAGE_KEY);
    return SCREENS.find((screen) => screen.id === stored)?.id ?? MAIN_SCREEN;
  } catch {
    return MAIN_SCREEN;
  }
}

export function storeScreen(storage: Pick<Storage, 'setItem'> | undefined, screen: ScreenId): void {
  try {
    storage?.setItem(SCREEN_STORAGE_KEY, screen);
  } catch {
    // Not remembered this time; the next start opens on the queue.
  }
}

/** Called once before the first render: the shell opens on the remembered screen and remembers each switch. */
export function restoreAndPersistScreen(storage: Storage | undefined): () => void {
  useShellStore.setState({ screen: readStoredScreen(storage) });
  return useShellStore.subscribe((state, previous) => {
    if (state.screen !== previous.screen) storeScreen(storage, state.screen);
  });
}
