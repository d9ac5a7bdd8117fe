/**
 * The working-day calendar editor's rules, pure: which years it offers, the range a year asks the
 * backend for, how a listed day reads, and what a typed-in entry needs before `calendar.put`.
 */
import { validateDay } from '../../../../shared/validate/dates';
import type { PlainMessageKey } from '../../i18n/dictionary';

export type CalendarKind = 'day_off' | 'working_day';

export interface CalendarEntry {
  day: string;
  kind: CalendarKind;
  name: string;
}

/** A day as listed: `pending` while this desk's edit of it waits to reach the back office. */
export interface ListedEntry extends CalendarEntry {
  pending: boolean;
}

export interface CalendarDraft {
  date: string;
  kind: CalendarKind;
  name: string;
}

export type CalendarProblem = 'date.empty' | 'date.format' | 'date.impossible' | 'date.range' | 'name.tooLong';

/** The contract's limit on a day's name. */
export const NAME_MAX = 200;

/** The current year and one either side: enough to prepare next year and to look back at the last. */
export function calendarYears(currentYear: number): number[] {
  return [currentYear - 1, currentYear, currentYear + 1];
}

export function yearRange(year: number): { from: string; to: string } {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

const WEEKDAY: readonly PlainMessageKey[] = [
  'calendar.weekday.sun',
  'calendar.weekday.mon',
  'calendar.weekday.tue',
  'calendar.weekday.wed',
  'calendar.weekday.thu',
  'calendar.weekday.fri',
  'calendar.weekday.sat',
];

/** The weekday's message key of a `YYYY-MM-DD` day (read in UTC, so the desk's time zone never shifts it). */
export function weekdayKey(day: string): PlainMessageKey {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return WEEKDAY[weekday] ?? 'calendar.weekday.mon';
}

export const KIND_TEXT: Readonly<Record<CalendarKind, PlainMessageKey>> = {
  day_off: 'calendar.kind.day_off',
  working_day: 'calendar.kind.working_day',
};

export const PROBLEM_TEXT: Readonly<Record<CalendarProblem, PlainMessageKey>> = {
  'date.empty': 'calendar.err.dateEmpty',
  'date.format': 'calendar.err.dateFormat',
  'date.impossible': 'calendar.err.dateImpossible',
  'date.range': 'calendar.err.dateRange',
  'name.tooLong': 'calendar.err.nameTooLong',
};

/**
 * The entry to put, or the problems that block it. The date is typed as `ДД.ММ.РРРР` (ISO is
 * accepted too) and must fall in one of the years the editor offers, or it would vanish from view.
 */
export function checkCalendarEntry(
  draft: CalendarDraft,
  years: readonly number[],
): { ok: true; entry: CalendarEntry } | { ok: false; problems: CalendarProblem[] } {
  const problems: CalendarProblem[] = [];
  const name = draft.name.trim();
  let day = '';
  if (draft.date.trim() === '') problems.push('date.empty');
  else {
    // The intake date check, reused for its shape and real-day rules; its field name is ours to ignore.
    const checked = validateDay(draft.date, 'issue_date');
    if (!checked.ok) problems.push(checked.code === 'issue_date.format' ? 'date.format' : 'date.impossible');
    else if (!years.includes(Number(checked.value.slice(0, 4)))) problems.push('date.range');
    else day = checked.value;
  }
  if (name.length > NAME_MAX) problems.push('name.tooLong');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, entry: { day, kind: draft.kind, name } };
}
