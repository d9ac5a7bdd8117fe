import { createContext, useContext } from 'react';
import { VALIDATION_MESSAGES } from '../../../../shared/validate/messages';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import type { FieldId, Problem } from './field-ids';

export interface FieldProblems {
  /** The blocking problem on show for the field, if any. */
  error(field: FieldId): Problem | undefined;
  warnings(field: FieldId): readonly Problem[];
}

export const ProblemsContext = createContext<FieldProblems>({ error: () => undefined, warnings: () => [] });

export function useFieldProblems(): FieldProblems {
  return useContext(ProblemsContext);
}

/** A problem's text in the clerk's language: shared codes carry their own Ukrainian and English. */
export function useProblemText(): (problem: Problem) => string {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  return (problem) => (problem.kind === 'code' ? VALIDATION_MESSAGES[problem.code][language] : t(problem.key));
}
