import { calendarDay } from './dates';
import { stripSeparators } from './normalize';
import { invalid, valid } from './result';
import type { Validated } from './result';

/**
 * УНЗР (record number in the demographic register), `YYYYMMDD-NNNNC`: the date of birth, four
 * digits, and a check digit. The check-digit rule is not confirmed by a primary source (domain
 * notes, [check]), so a mismatch is a warning that keeps the value, never a block.
 */
export type UnzrError = 'unzr.format' | 'unzr.date';
export type UnzrWarning = 'unzr.checksum';

/** The passport machine-readable-zone weights, repeating. */
const MRZ_WEIGHTS = [7, 3, 1] as const;
/** Before this year the date part is a typo, not a birth (nobody on the register is that old). */
const FIRST_BIRTH_YEAR = 1900;

/** The check digit for the first 12 digits of a УНЗР (dash already removed). */
export function unzrCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += MRZ_WEIGHTS[i % 3]! * Number(first12[i]);
  return sum % 10;
}

/** The date of birth a well-formed УНЗР (`YYYYMMDD-NNNNC`) carries, as `YYYY-MM-DD`, or null if it is no date. */
export function unzrBirthDate(unzr: string): string | null {
  const year = Number(unzr.slice(0, 4));
  if (year < FIRST_BIRTH_YEAR) return null;
  return calendarDay(year, Number(unzr.slice(4, 6)), Number(unzr.slice(6, 8)));
}

/** A typed or pasted УНЗР, with or without its dash, normalized to `YYYYMMDD-NNNNC`. */
export function validateUnzr(input: string): Validated<UnzrError, UnzrWarning> {
  const digits = stripSeparators(input);
  if (!/^\d{13}$/u.test(digits)) return invalid('unzr.format');
  const value = `${digits.slice(0, 8)}-${digits.slice(8)}`;
  if (unzrBirthDate(value) === null) return invalid('unzr.date');
  return unzrCheckDigit(digits) === Number(digits[12]) ? valid(value) : valid(value, ['unzr.checksum']);
}
