import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, readStoredLanguage, storeLanguage } from '../../../renderer/src/i18n/language';

function memoryStorage(initial: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  };
}

const brokenStorage: Pick<Storage, 'getItem' | 'setItem'> = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('language persistence', () => {
  it('defaults to Ukrainian when nothing is stored', () => {
    expect(DEFAULT_LANGUAGE).toBe('uk');
    expect(readStoredLanguage(memoryStorage())).toBe('uk');
    expect(readStoredLanguage(undefined)).toBe('uk');
  });

  it('remembers the chosen language', () => {
    const storage = memoryStorage();
    storeLanguage(storage, 'en');
    expect(storage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(readStoredLanguage(storage)).toBe('en');
  });

  it('ignores a stored value that is not a supported language', () => {
    expect(readStoredLanguage(memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'ru' }))).toBe('uk');
    expect(readStoredLanguage(memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'toString' }))).toBe('uk');
  });

  it('survives storage that throws', () => {
    expect(readStoredLanguage(brokenStorage)).toBe('uk');
    expect(() => storeLanguage(brokenStorage, 'en')).not.toThrow();
  });
});
