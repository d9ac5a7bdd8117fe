/**
 * Working-day arithmetic on local dates (`YYYY-MM-DD`) with a configurable calendar: which
 * weekdays are days off and which weekend days are worked is data (DESIGN.md §5; public
 * holidays are not days off under martial law, so nothing is hard-coded).
 */
export interface WorkCalendar {
  /** Weekdays that are not worked (holidays). */
  daysOff: ReadonlySet<string>;
  /** Saturdays or Sundays that are worked (transferred days). */
  workingDays: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: WorkCalendar = { daysOff: new Set(), workingDays: new Set() };

export type DeadlineUnit = 'working_days' | 'calendar_days';

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDay(day: string): Date {
  const m = DAY_RE.exec(day);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()) || formatDay(date) !== day) throw new RangeError(`Not a calendar date: ${day}`);
  return date;
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + n);
  return formatDay(date);
}

export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  if (calendar.workingDays.has(day)) return true;
  if (calendar.daysOff.has(day)) return false;
  const weekday = parseDay(day).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first working day on or after `day`. */
export function nextWorkingDay(day: string, calendar: WorkCalendar): string {
  let current = day;
  for (let i = 0; i < 366; i += 1) {
    if (isWorkingDay(current, calendar)) return current;
    current = addDays(current, 1);
  }
  throw new RangeError(`No working day within a year after ${day}: check the calendar`);
}

/**
 * The due date of an application registered on `registeredOn`: the Nth working day after it,
 * or N calendar days after it moved forward to a working day when it falls on a day off (a
 * term ending on a day off ends on the next working day).
 */
export function dueDate(registeredOn: string, value: number, unit: DeadlineUnit, calendar: WorkCalendar): string {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`A deadline must be a positive whole number, got ${value}`);
  if (unit === 'calendar_days') return nextWorkingDay(addDays(registeredOn, value), calendar);
  let current = registeredOn;
  for (let counted = 0; counted < value; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) counted += 1;
  }
  return current;
}
