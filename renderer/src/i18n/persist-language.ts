import { readStoredLanguage, storeLanguage } from './language';
import type { Language } from './language';
import { useLanguageStore } from './language-store';

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
}

function localStorageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Called once before the first render, so the first paint is already in the remembered
 * language; afterwards every change is saved and reflected in `<html lang>`.
 */
export function restoreAndPersistLanguage(): void {
  const storage = localStorageOrUndefined();
  const language = readStoredLanguage(storage);
  applyToDocument(language);
  useLanguageStore.setState({ language });
  useLanguageStore.subscribe((state, previous) => {
    if (state.language === previous.language) return;
    storeLanguage(storage, state.language);
    applyToDocument(state.language);
  });
}
