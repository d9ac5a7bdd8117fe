import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dueDate, isWorkingDay, nextWorkingDay, parseDay } from '../../../shared/calendar';
import type { WorkCalendar } from '../../../shared/calendar';

/** Three years of days; calendars and start days are drawn from it. */
const FIRST = Date.UTC(2025, 0, 1);
const SPAN = 3 * 366;
const MS_PER_DAY = 86_400_000;
const dayAt = (offset: number) => new Date(FIRST + offset * MS_PER_DAY).toISOString().slice(0, 10);
const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/** A center's calendar: holidays on any day, transferred working days on any day, never both on one day (one row per day). */
const calendar: fc.Arbitrary<WorkCalendar> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: SPAN }), { maxLength: 150 }),
    fc.uniqueArray(fc.integer({ min: 0, max: SPAN }), { maxLength: 40 }),
  )
  .map(([off, worked]) => {
    const workingDays = new Set(worked.map(dayAt));
    return { daysOff: new Set(off.map(dayAt).filter((day) => !workingDays.has(day))), workingDays };
  });
/** Start days early enough that 60 working days stay inside the calendar's span. */
const startDay = fc.integer({ min: 0, max: SPAN - 200 }).map(dayAt);
const workingDays = fc.integer({ min: 1, max: 60 });

/** The rule written out independently of the module: a transferred day is worked, a holiday is not, else Monday–Friday. */
const worked = (day: string, cal: WorkCalendar) => cal.workingDays.has(day) || (!cal.daysOff.has(day) && !weekend(day));

function daysBetween(after: string, upTo: string): string[] {
  const days: string[] = [];
  for (let day = addDays(after, 1); day <= upTo; day = addDays(day, 1)) days.push(day);
  return days;
}

describe('due dates over random calendars', () => {
  it('the Nth working day after registration is a working day with exactly N working days up to it', () => {
    fc.assert(
      fc.property(calendar, startDay, workingDays, (cal, start, n) => {
        const due = dueDate(start, n, 'working_days', cal);
        expect(worked(due, cal)).toBe(true);
        expect(isWorkingDay(due, cal)).toBe(true);
        // Exactly the days off are skipped, and every transferred working day is counted.
        expect(daysBetween(start, due).filter((day) => worked(day, cal))).toHaveLength(n);
      }),
    );
  });

  it('moves strictly later with every further working day', () => {
    fc.assert(
      fc.property(calendar, startDay, workingDays, (cal, start, n) => {
        expect(dueDate(start, n + 1, 'working_days', cal) > dueDate(start, n, 'working_days', cal)).toBe(true);
      }),
    );
  });

  it('adding a holiday never brings a due date earlier, and one inside the term pushes it to the next working day', () => {
    fc.assert(
      fc.property(calendar, startDay, workingDays, fc.integer({ min: 1, max: 90 }), (cal, start, n, later) => {
        const before = dueDate(start, n, 'working_days', cal);
        const holiday = addDays(start, later);
        fc.pre(!cal.workingDays.has(holiday));
        const withHoliday: WorkCalendar = { daysOff: new Set([...cal.daysOff, holiday]), workingDays: cal.workingDays };
        const after = dueDate(start, n, 'working_days', withHoliday);
        const counted = holiday <= before && worked(holiday, cal);
        expect(after).toBe(counted ? dueDate(before, 1, 'working_days', withHoliday) : before);
      }),
    );
  });

  it('a term in calendar days ends on the first working day on or after its last day', () => {
    fc.assert(
      fc.property(calendar, startDay, fc.integer({ min: 1, max: 90 }), (cal, start, n) => {
        const end = addDays(start, n);
        const due = dueDate(start, n, 'calendar_days', cal);
        expect(worked(due, cal)).toBe(true);
        expect(due >= end).toBe(true);
        expect([end, ...daysBetween(end, due)].filter((day) => day < due && worked(day, cal))).toEqual([]);
        expect(due).toBe(nextWorkingDay(end, cal));
      }),
    );
  });

  it('nextWorkingDay keeps a working day and is idempotent', () => {
    fc.assert(
      fc.property(calendar, startDay, (cal, day) => {
        const next = nextWorkingDay(day, cal);
        expect(nextWorkingDay(next, cal)).toBe(next);
        if (worked(day, cal)) expect(next).toBe(day);
      }),
    );
  });

  it('knows the weekend on any day from 1900 to 2100, before 1970 too', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (date) => {
        const day = date.toISOString().slice(0, 10);
        expect(isWorkingDay(day, { daysOff: new Set(), workingDays: new Set() })).toBe(!weekend(day));
      }),
    );
  });

  it('adding and taking away days returns to the same day, and every day it writes parses back', () => {
    fc.assert(
      fc.property(startDay, fc.integer({ min: -5_000, max: 5_000 }), (day, n) => {
        const moved = addDays(day, n);
        expect(parseDay(moved).toISOString().slice(0, 10)).toBe(moved);
        expect(addDays(moved, -n)).toBe(day);
      }),
    );
  });
});
