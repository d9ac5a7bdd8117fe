import { invalid, valid } from './result';
import type { Validated } from './result';

/** The date fields of intake, each with its own codes so the message can name the field. */
export type DateField = 'birth_date' | 'issue_date' | 'valid_until';

export type BirthDateError = 'birth_date.format' | 'birth_date.impossible' | 'birth_date.future' | 'birth_date.too_old';
export type BirthDateWarning = 'birth_date.under_14';
export type IssueDateError = 'issue_date.format' | 'issue_date.impossible' | 'issue_date.future' | 'issue_date.before_birth';

/** Nobody alive is older; an older date is a typo (1899 for 1989), not a person. */
const MAX_AGE = 120;
/** The age of the first ID card and of partial civil capacity: younger people are usually represented. */
const REPRESENTED_BELOW_AGE = 14;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/u;
/** How dates are written in Ukraine (and pasted from documents); day and month may lack the leading zero. */
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/u;

function daysInMonth(year: number, month: number): number {
  // The Gregorian rule spelled out: Date.UTC would read years 0–99 as 1900–1999.
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day as `YYYY-MM-DD` if it exists in the calendar, else null. */
export function calendarDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date typed as `YYYY-MM-DD` or `DD.MM.YYYY`, normalized to `YYYY-MM-DD`: a shape error and a
 * day that does not exist (30 February) are told apart, so the message can say which.
 */
export function validateDay<F extends DateField>(input: string, field: F): Validated<`${F}.format` | `${F}.impossible`> {
  const text = input.trim();
  const iso = ISO.exec(text);
  const dotted = iso ? null : DOTTED.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : null;
  if (!parts) return invalid(`${field}.format` as const);
  const day = calendarDay(Number(parts[0]), Number(parts[1]), Number(parts[2]));
  return day === null ? invalid(`${field}.impossible` as const) : valid(day);
}

/** Today is supplied by the caller (the desk's local day), never read here, so checks are repeatable. */
function requireToday(today: string): string {
  const checked = validateDay(today, 'birth_date');
  if (!checked.ok) throw new RangeError(`today must be a real day as YYYY-MM-DD, got "${today}"`);
  return checked.value;
}

/** Completed years between two `YYYY-MM-DD` days (one born on 29 February turns a year older on 1 March). */
function fullYears(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

export function validateBirthDate(input: string, today: string): Validated<BirthDateError, BirthDateWarning> {
  const todayDay = requireToday(today);
  const checked = validateDay(input, 'birth_date');
  if (!checked.ok) return checked;
  // Both are zero-padded `YYYY-MM-DD`, so string order is date order.
  if (checked.value > todayDay) return invalid('birth_date.future');
  const age = fullYears(checked.value, todayDay);
  if (age > MAX_AGE) return invalid('birth_date.too_old');
  return age < REPRESENTED_BELOW_AGE ? valid(checked.value, ['birth_date.under_14']) : valid(checked.value);
}

/**
 * The issue date of an identity document. `birthDate`, when given, bounds it from below; a birth
 * date that is not a real day is skipped here, since its own field already reports it.
 */
export function validateIssueDate(input: string, today: string, birthDate?: string): Validated<IssueDateError> {
  const todayDay = requireToday(today);
  const checked = validateDay(input, 'issue_date');
  if (!checked.ok) return checked;
  if (checked.value > todayDay) return invalid('issue_date.future');
  const birth = birthDate === undefined ? null : validateDay(birthDate, 'birth_date');
  if (birth?.ok && checked.value < birth.value) return invalid('issue_date.before_birth');
  return valid(checked.value);
}
