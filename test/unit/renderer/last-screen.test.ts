import { beforeEach, describe, expect, it } from 'vitest';
import { MAIN_SCREEN, readStoredScreen, restoreAndPersistScreen, SCREEN_STORAGE_KEY } from '../../../renderer/src/app/last-screen';
import { useShellStore } from '../../../renderer/src/app/shell-store';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

beforeEach(() => useShellStore.setState({ screen: 'queue' }));

describe('the screen the app opens on', () => {
  it('is the queue the first time', () => {
    expect(MAIN_SCREEN).toBe('queue');
    useShellStore.setState({ screen: 'review' });
    const stop = restoreAndPersistScreen(memoryStorage());
    expect(useShellStore.getState().screen).toBe('queue');
    stop();
  });

  it('is the last one used after that', () => {
    const storage = memoryStorage();
    const stop = restoreAndPersistScreen(storage);
    useShellStore.getState().showScreen('applications');
    stop();
    expect(storage.getItem(SCREEN_STORAGE_KEY)).toBe('applications');

    useShellStore.setState({ screen: 'queue' });
    const again = restoreAndPersistScreen(storage);
    expect(useShellStore.getState().screen).toBe('applications');
    again();
  });

  it('is the queue when the stored value is unknown or the storage throws', () => {
    const storage = memoryStorage();
    storage.setItem(SCREEN_STORAGE_KEY, 'settings-of-an-old-version');
    expect(readStoredScreen(storage)).toBe('queue');
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(readStoredScreen(throwing)).toBe('queue');
    expect(readStoredScreen(undefined)).toBe('queue');
  });
});
