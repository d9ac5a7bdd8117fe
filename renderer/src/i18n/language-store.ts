import { create } from 'zustand';
import { DEFAULT_LANGUAGE } from './language';
import type { Language } from './language';

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

/** Starts at the default; main.tsx sets the remembered language before the first render. */
export const useLanguageStore = create<LanguageState>()((set) => ({
  language: DEFAULT_LANGUAGE,
  setLanguage: (language) => set({ language }),
}));
