/**
 * Working-day arithmetic on local dates (`YYYY-MM-DD`) with a configurable calendar: which
 * weekdays are days off and which weekend days are worked is data (docs/ARCHITECTURE.md §6.4; public
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

/**
 * The same date `n` months after `day`, or that month's last day when it has no such date
 * (31 January + 1 month = 28 or 29 February): how ЦК art. 253–254 count a term in months.
 */
export function addMonths(day: string, n: number): string {
  const date = parseDay(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return formatDay(target);
}

const MS_PER_DAY = 86_400_000;

/** Whole days since 1970-01-01: due-date loops step through integers, not Date objects. */
function dayNumber(day: string): number {
  return parseDay(day).getTime() / MS_PER_DAY;
}

function dayString(n: number): string {
  return formatDay(new Date(n * MS_PER_DAY));
}

interface NumericCalendar {
  daysOff: ReadonlySet<number>;
  workingDays: ReadonlySet<number>;
}

const numericCalendars = new WeakMap<WorkCalendar, NumericCalendar>();

function numeric(calendar: WorkCalendar): NumericCalendar {
  let converted = numericCalendars.get(calendar);
  if (!converted) {
    converted = { daysOff: new Set([...calendar.daysOff].map(dayNumber)), workingDays: new Set([...calendar.workingDays].map(dayNumber)) };
    numericCalendars.set(calendar, converted);
  }
  return converted;
}

function isWorkingDayNumber(n: number, calendar: NumericCalendar): boolean {
  if (calendar.workingDays.has(n)) return true;
  if (calendar.daysOff.has(n)) return false;
  // 1970-01-01 was a Thursday: (n + 4) % 7 is 0 on Sundays and 6 on Saturdays.
  const weekday = (((n + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  return isWorkingDayNumber(dayNumber(day), numeric(calendar));
}

function nextWorkingDayNumber(n: number, calendar: NumericCalendar, from: string): number {
  for (let i = 0; i < 366; i += 1) {
    if (isWorkingDayNumber(n + i, calendar)) return n + i;
  }
  throw new RangeError(`No working day within a year after ${from}: check the calendar`);
}

/** The first working day on or after `day`. */
export function nextWorkingDay(day: string, calendar: WorkCalendar): string {
  return dayString(nextWorkingDayNumber(dayNumber(day), numeric(calendar), day));
}

/**
 * The due date of an application registered on `registeredOn`: the Nth working day after it,
 * or N calendar days after it moved forward to a working day when it falls on a day off (a
 * term ending on a day off ends on the next working day).
 */
export function dueDate(registeredOn: string, value: number, unit: DeadlineUnit, calendar: WorkCalendar): string {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`A deadline must be a positive whole number, got ${value}`);
  const cal = numeric(calendar);
  const start = dayNumber(registeredOn);
  if (unit === 'calendar_days') return dayString(nextWorkingDayNumber(start + value, cal, registeredOn));
  let current = start;
  for (let counted = 0; counted < value;) {
    current += 1;
    if (isWorkingDayNumber(current, cal)) counted += 1;
  }
  return dayString(current);
}
