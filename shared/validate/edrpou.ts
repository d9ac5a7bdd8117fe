import { digitsProblem, stripSeparators } from './normalize';
import { invalid, valid } from './result';
import type { Validated } from './result';

/** ЄДРПОУ (legal entity code): 8 digits, the last a check digit (domain notes). */
export type EdrpouError = 'edrpou.not_digits' | 'edrpou.length' | 'edrpou.checksum';

function weightedRemainder(first7: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 7; i += 1) sum += weights[i]! * Number(first7[i]);
  return sum % 11;
}

/** The check digit for a code's first 7 digits (extra characters are ignored). */
export function edrpouCheckDigit(code: string): number {
  const first7 = code.slice(0, 7);
  const value = Number(first7) * 10;
  const base = value >= 30_000_000 && value < 60_000_000 ? [7, 1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 7];
  let r = weightedRemainder(first7, base);
  if (r === 10)
    r = weightedRemainder(
      first7,
      base.map((w) => w + 2),
    );
  return r === 10 ? 0 : r;
}

/** For digits already normalized: exactly 8 of them with a matching check digit. */
export function isValidEdrpou(digits: string): boolean {
  return /^\d{8}$/u.test(digits) && edrpouCheckDigit(digits) === Number(digits[7]);
}

/** A typed or pasted ЄДРПОУ code, normalized to its 8 digits. */
export function validateEdrpou(input: string): Validated<EdrpouError> {
  const digits = stripSeparators(input);
  const problem = digitsProblem(digits, 8);
  if (problem) return invalid(`edrpou.${problem}`);
  return isValidEdrpou(digits) ? valid(digits) : invalid('edrpou.checksum');
}
