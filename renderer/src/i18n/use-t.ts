import { useMemo } from 'react';
import type { Translate } from './dictionary';
import { dictionaries } from './dictionaries';
import { useLanguageStore } from './language-store';
import { createTranslate } from './translate';

export function useT(): Translate {
  const language = useLanguageStore((state) => state.language);
  return useMemo(() => createTranslate(dictionaries[language]), [language]);
}
