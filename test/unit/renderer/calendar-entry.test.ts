import { describe, expect, it } from 'vitest';
import { calendarYears, checkCalendarEntry, weekdayKey, yearRange } from '../../../renderer/src/features/calendar/calendar-entry';

const years = calendarYears(2026);

describe('the calendar editor', () => {
  it('offers the current year and one either side, each as a whole-year range', () => {
    expect(years).toEqual([2025, 2026, 2027]);
    expect(yearRange(2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('names the weekday of a day regardless of the desk’s time zone', () => {
    expect(weekdayKey('2026-12-25')).toBe('calendar.weekday.fri');
    expect(weekdayKey('2026-01-04')).toBe('calendar.weekday.sun');
  });

  it('takes a day typed as ДД.ММ.РРРР and trims the name', () => {
    expect(checkCalendarEntry({ date: ' 25.12.2026 ', kind: 'day_off', name: ' Різдво ' }, years)).toEqual({
      ok: true,
      entry: { day: '2026-12-25', kind: 'day_off', name: 'Різдво' },
    });
    expect(checkCalendarEntry({ date: '3.1.2027', kind: 'working_day', name: '' }, years)).toEqual({
      ok: true,
      entry: { day: '2027-01-03', kind: 'working_day', name: '' },
    });
  });

  it('tells an empty, a malformed, an impossible and an out-of-range date apart', () => {
    const check = (date: string) => checkCalendarEntry({ date, kind: 'day_off', name: '' }, years);
    expect(check('  ')).toEqual({ ok: false, problems: ['date.empty'] });
    expect(check('25/12/2026')).toEqual({ ok: false, problems: ['date.format'] });
    expect(check('30.02.2026')).toEqual({ ok: false, problems: ['date.impossible'] });
    expect(check('25.12.2030')).toEqual({ ok: false, problems: ['date.range'] });
  });

  it('refuses a name longer than the contract allows, alongside a date problem', () => {
    expect(checkCalendarEntry({ date: '', kind: 'day_off', name: 'я'.repeat(201) }, years)).toEqual({
      ok: false,
      problems: ['date.empty', 'name.tooLong'],
    });
  });
});
