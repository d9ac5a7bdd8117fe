import { digitsProblem, stripSeparators } from './normalize';
import { invalid, valid } from './result';
import type { Validated } from './result';

/** РНОКПП (individual tax number): 10 digits, the last a check digit (domain notes). */
const WEIGHTS = [-1, 5, 7, 9, 4, 6, 10, 5, 7] as const;
/** d1..d5 count days from this one: 00001 is 1900-01-01. */
const EPOCH_MS = Date.UTC(1899, 11, 31);
const DAY_MS = 86_400_000;

export type RnokppError = 'rnokpp.not_digits' | 'rnokpp.length' | 'rnokpp.checksum';

/** The check digit for a number's first 9 digits (extra characters are ignored). */
export function rnokppCheckDigit(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += WEIGHTS[i]! * Number(first9[i]);
  return (((sum % 11) + 11) % 11) % 10;
}

/** For digits already normalized: exactly 10 of them with a matching check digit. */
export function isValidRnokpp(digits: string): boolean {
  return /^\d{10}$/u.test(digits) && rnokppCheckDigit(digits) === Number(digits[9]);
}

/** A typed or pasted РНОКПП, normalized to its 10 digits. */
export function validateRnokpp(input: string): Validated<RnokppError> {
  const digits = stripSeparators(input);
  const problem = digitsProblem(digits, 10);
  if (problem) return invalid(`rnokpp.${problem}`);
  return isValidRnokpp(digits) ? valid(digits) : invalid('rnokpp.checksum');
}

/** The date of birth a valid РНОКПП encodes in d1..d5, as `YYYY-MM-DD`. */
export function rnokppBirthDate(digits: string): string {
  return new Date(EPOCH_MS + Number(digits.slice(0, 5)) * DAY_MS).toISOString().slice(0, 10);
}

/** The sex a valid РНОКПП encodes in d9: odd for men, even for women. */
export function rnokppSex(digits: string): 'male' | 'female' {
  return Number(digits[8]) % 2 === 1 ? 'male' : 'female';
}
