import { describe, expect, it } from 'vitest';
import { addDays, dueDate, EMPTY_CALENDAR, isWorkingDay, parseDay } from '../../../shared/calendar';
import type { WorkCalendar } from '../../../shared/calendar';

const calendar: WorkCalendar = {
  daysOff: new Set(['2026-12-25', '2027-01-01', '2026-03-09']),
  workingDays: new Set(['2026-12-26']),
};

describe('working-day arithmetic', () => {
  it('knows weekends and the configured calendar', () => {
    expect(isWorkingDay('2026-11-27', EMPTY_CALENDAR)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28', EMPTY_CALENDAR)).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-25', calendar)).toBe(false); // a configured day off
    expect(isWorkingDay('2026-12-26', calendar)).toBe(true); // a worked Saturday
  });

  it.each([
    ['over a weekend', '2026-11-27', 1, EMPTY_CALENDAR, '2026-11-30'],
    ['a whole week', '2026-11-27', 5, EMPTY_CALENDAR, '2026-12-04'],
    ['20 working days (ID card)', '2026-11-27', 20, EMPTY_CALENDAR, '2026-12-25'],
    ['skipping a configured holiday and counting a worked Saturday', '2026-12-24', 2, calendar, '2026-12-28'],
    ['across the month end', '2026-01-29', 2, EMPTY_CALENDAR, '2026-02-02'],
    ['across the year end with New Year off', '2026-12-30', 2, calendar, '2027-01-04'],
    ['across February in a leap year', '2028-02-28', 1, EMPTY_CALENDAR, '2028-02-29'],
  ] as const)('working days %s', (_label, from, n, cal, expected) => {
    expect(dueDate(from, n, 'working_days', cal)).toBe(expected);
  });

  it.each([
    ['landing on a working day', '2026-11-02', 30, EMPTY_CALENDAR, '2026-12-02'],
    ['landing on a Saturday moves to Monday', '2026-11-27', 1, EMPTY_CALENDAR, '2026-11-30'],
    ['landing on a holiday moves to the next worked day (a worked Saturday here)', '2026-12-15', 10, calendar, '2026-12-26'],
    ['across the year end', '2026-12-20', 12, calendar, '2027-01-04'],
  ] as const)('calendar days %s', (_label, from, n, cal, expected) => {
    expect(dueDate(from, n, 'calendar_days', cal)).toBe(expected);
  });

  it('refuses impossible dates and deadlines', () => {
    expect(() => parseDay('2026-02-30')).toThrow(RangeError);
    expect(() => parseDay('27.11.2026')).toThrow(RangeError);
    expect(() => dueDate('2026-11-27', 0, 'working_days', EMPTY_CALENDAR)).toThrow(RangeError);
    expect(() => dueDate('2026-11-27', 1.5, 'calendar_days', EMPTY_CALENDAR)).toThrow(RangeError);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
