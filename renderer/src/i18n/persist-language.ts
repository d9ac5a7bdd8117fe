import { readStoredLanguage, storeLanguage } from './language';
import type { Language } from './language';
import { useLanguageStore } from './language-store';
import { localStorageOrUndefined } from '../lib/local-storage';

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
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
