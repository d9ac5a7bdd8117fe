import { describe, expect, it } from 'vitest';
import { addDays, EMPTY_CALENDAR, isWorkingDay, nextWorkingDay } from '../../../shared/calendar';
import type { WorkCalendar } from '../../../shared/calendar';

/** The edges of shared/calendar.ts the due-date examples in calendar.test.ts do not reach. */
describe('calendar days', () => {
  it('the next working day is the day itself when it is worked, else the first worked day after', () => {
    expect(nextWorkingDay('2026-11-27', EMPTY_CALENDAR)).toBe('2026-11-27'); // Friday
    expect(nextWorkingDay('2026-11-28', EMPTY_CALENDAR)).toBe('2026-11-30'); // Saturday → Monday
    const holidayMonday: WorkCalendar = { daysOff: new Set(['2026-11-30']), workingDays: new Set() };
    expect(nextWorkingDay('2026-11-28', holidayMonday)).toBe('2026-12-01');
  });

  it('knows the weekdays before 1970 too (negative day numbers)', () => {
    expect(isWorkingDay('1969-12-26', EMPTY_CALENDAR)).toBe(true); // Friday
    expect(isWorkingDay('1969-12-27', EMPTY_CALENDAR)).toBe(false); // Saturday
    expect(isWorkingDay('1969-12-28', EMPTY_CALENDAR)).toBe(false); // Sunday
    expect(isWorkingDay('1969-12-29', EMPTY_CALENDAR)).toBe(true); // Monday
  });

  it('a calendar with no working day within a year is refused with a reason, not an endless loop', () => {
    const weekdays = Array.from({ length: 400 }, (_, i) => addDays('2026-01-01', i)).filter((day) => isWorkingDay(day, EMPTY_CALENDAR));
    const nothingWorked: WorkCalendar = { daysOff: new Set(weekdays), workingDays: new Set() };
    expect(() => nextWorkingDay('2026-01-01', nothingWorked)).toThrow(/No working day within a year after 2026-01-01/);
  });
});
