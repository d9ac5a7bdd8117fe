import { validateDay } from './dates';
import type { ValidationWarningCode } from './messages';
import { rnokppBirthDate, rnokppSex, validateRnokpp } from './rnokpp';
import { unzrBirthDate, validateUnzr } from './unzr';

/**
 * Agreement between what a person's identifiers encode and what was entered (domain notes,
 * "Cross-checks worth a warning"). Only warnings: a РНОКПП assigned before a date correction,
 * or a typo in the entered date, both happen, and the clerk decides from the documents.
 */
export type CrossCheckWarning = Extract<ValidationWarningCode, `cross.${string}`>;

/** The fields as the form or a stored applicant holds them; empty ones are simply not compared. */
export interface PersonIdentity {
  rnokpp?: string | null;
  unzr?: string | null;
  birthDate?: string | null;
  sex?: 'male' | 'female' | null;
}

/**
 * The warnings for one person. A field that does not pass its own validator is left out of
 * the comparison: its error is already shown, and a second message about it would only repeat it.
 */
export function crossCheckPerson(person: PersonIdentity): CrossCheckWarning[] {
  const rnokpp = person.rnokpp ? validateRnokpp(person.rnokpp) : null;
  const unzr = person.unzr ? validateUnzr(person.unzr) : null;
  const entered = person.birthDate ? validateDay(person.birthDate, 'birth_date') : null;

  const fromRnokpp = rnokpp?.ok ? rnokppBirthDate(rnokpp.value) : null;
  const fromUnzr = unzr?.ok ? unzrBirthDate(unzr.value) : null;
  const birthDate = entered?.ok ? entered.value : null;

  const warnings: CrossCheckWarning[] = [];
  if (birthDate !== null) {
    if (fromRnokpp !== null && fromRnokpp !== birthDate) warnings.push('cross.rnokpp_birth_date');
    if (fromUnzr !== null && fromUnzr !== birthDate) warnings.push('cross.unzr_birth_date');
  } else if (fromRnokpp !== null && fromUnzr !== null && fromRnokpp !== fromUnzr) {
    // No date entered yet: the two identifiers can still contradict each other.
    warnings.push('cross.rnokpp_unzr_birth_date');
  }
  if (rnokpp?.ok && person.sex && rnokppSex(rnokpp.value) !== person.sex) warnings.push('cross.rnokpp_sex');
  return warnings;
}
