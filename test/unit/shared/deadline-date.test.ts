import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, EMPTY_CALENDAR, isWorkingDay, parseDay } from '../../../shared/calendar';
import type { WorkCalendar } from '../../../shared/calendar';
import { DeadlineRule } from '../../../shared/domain/deadline-rule';
import type { DeadlineRuleInput } from '../../../shared/domain/deadline-rule';
import { deadlineDate } from '../../../shared/domain/deadline-date';

const KYIV = 'Europe/Kyiv';
const rule = (input: DeadlineRuleInput) => DeadlineRule.parse(input);
const atIntake = (iso: string) => ({ anchor: 'intake' as const, at: new Date(iso) });

describe('the date a deadline rule gives', () => {
  it('a same-day service is due the day it is registered', () => {
    expect(deadlineDate(rule({ value: 0, unit: 'same_day' }), atIntake('2026-12-03T14:00:00Z'), KYIV, EMPTY_CALENDAR)).toBe('2026-12-03');
  });

  it('a 2-hour tier is due the same day; hours run over midnight into the next local day', () => {
    const twoHours = rule({ value: 2, unit: 'hours' });
    expect(deadlineDate(twoHours, atIntake('2026-12-03T08:00:00Z'), KYIV, EMPTY_CALENDAR)).toBe('2026-12-03');
    // 20:30 UTC on Thursday is 22:30 in Kyiv: two hours later it is Friday there.
    expect(deadlineDate(twoHours, atIntake('2026-12-03T20:30:00Z'), KYIV, EMPTY_CALENDAR)).toBe('2026-12-04');
    // Late on a Friday: the term ends on Saturday, a day off, so Monday.
    expect(deadlineDate(twoHours, atIntake('2026-12-04T21:30:00Z'), KYIV, EMPTY_CALENDAR)).toBe('2026-12-07');
  });

  it('a 30-calendar-day term ending on a Sunday moves to Monday', () => {
    // 2026-11-01 + 30 days = 2026-12-01 (Tuesday); from 2026-11-06 (Friday) it is 2026-12-06, a Sunday.
    expect(deadlineDate(rule({ value: 30, unit: 'calendar_days' }), atIntake('2026-11-06T09:00:00Z'), KYIV, EMPTY_CALENDAR)).toBe(
      '2026-12-07',
    );
  });

  it('working days skip weekends and the calendar’s days off', () => {
    const holiday: WorkCalendar = { daysOff: new Set(['2026-12-07']), workingDays: new Set() };
    expect(deadlineDate(rule({ value: 2, unit: 'working_days' }), atIntake('2026-12-03T09:00:00Z'), KYIV, holiday)).toBe('2026-12-08');
  });

  it('months keep the date, clamped to the month’s end, and a latest date on a day off moves on', () => {
    expect(deadlineDate(rule({ value: 1, unit: 'months' }), atIntake('2026-01-31T09:00:00Z'), KYIV, EMPTY_CALENDAR)).toBe('2026-03-02');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('a not-before term gives the earliest date, unmoved by days off (marriage: not earlier than a month)', () => {
    const marriage = rule({ value: 1, unit: 'months', kind: 'not_before' });
    // 2026-12-03 + 1 month = 2027-01-03, a Sunday: the earliest day stays.
    expect(deadlineDate(marriage, atIntake('2026-12-03T09:00:00Z'), KYIV, EMPTY_CALENDAR)).toBe('2027-01-03');
  });

  it('a term running from a later event gives no date at intake, and its date when that event is recorded', () => {
    const afterRegister = rule({ value: 5, unit: 'working_days', anchor: 'register_entry' });
    expect(deadlineDate(afterRegister, atIntake('2026-12-03T09:00:00Z'), KYIV, EMPTY_CALENDAR)).toBeNull();
    const afterHandoff = rule({ value: 2, unit: 'working_days', anchor: 'handoff' });
    expect(deadlineDate(afterHandoff, { anchor: 'handoff', at: new Date('2026-12-04T09:00:00Z') }, KYIV, EMPTY_CALENDAR)).toBe(
      '2026-12-08',
    );
    expect(deadlineDate(afterHandoff, { anchor: 'register_entry', at: new Date('2026-12-04T09:00:00Z') }, KYIV, EMPTY_CALENDAR)).toBeNull();
  });
});

/** Three years of calendars with random holidays and transferred days (as calendar-properties.test.ts draws them). */
const FIRST = Date.UTC(2025, 0, 1);
const SPAN = 3 * 366;
const dayAt = (offset: number) => new Date(FIRST + offset * 86_400_000).toISOString().slice(0, 10);
const calendar: fc.Arbitrary<WorkCalendar> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: SPAN }), { maxLength: 150 }),
    fc.uniqueArray(fc.integer({ min: 0, max: SPAN }), { maxLength: 40 }),
  )
  .map(([off, worked]) => {
    const workingDays = new Set(worked.map(dayAt));
    return { daysOff: new Set(off.map(dayAt).filter((d) => !workingDays.has(d))), workingDays };
  });
const instant = fc.integer({ min: 0, max: (SPAN - 400) * 86_400_000 }).map((ms) => new Date(FIRST + ms));
const counted = fc.oneof(
  fc.record({ value: fc.integer({ min: 1, max: 72 }), unit: fc.constant('hours' as const) }),
  fc.record({ value: fc.integer({ min: 1, max: 60 }), unit: fc.constantFrom('working_days' as const, 'calendar_days' as const) }),
  fc.record({ value: fc.integer({ min: 1, max: 12 }), unit: fc.constant('months' as const) }),
);
const zone = fc.constantFrom('Europe/Kyiv', 'UTC', 'America/New_York');
const localDayOf = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);

describe('deadline dates over random calendars, zones and terms', () => {
  it('a latest date is a working day, after the intake day (on it only for hours), and no later than the first working day on or after the raw end', () => {
    fc.assert(
      fc.property(calendar, instant, counted, zone, (cal, at, term, tz) => {
        const due = deadlineDate(rule({ ...term, kind: 'not_after' }), { anchor: 'intake', at }, tz, cal);
        const day = localDayOf(at, tz);
        expect(due).not.toBeNull();
        expect(isWorkingDay(due!, cal)).toBe(true);
        if (term.unit === 'hours') expect(due! >= day).toBe(true);
        else expect(due! > day).toBe(true);
        const raw =
          term.unit === 'hours'
            ? localDayOf(new Date(at.getTime() + term.value * 3_600_000), tz)
            : term.unit === 'calendar_days'
              ? addDays(day, term.value)
              : term.unit === 'months'
                ? addMonths(day, term.value)
                : null;
        if (raw !== null) {
          expect(due! >= raw).toBe(true);
          for (let d = raw; d < due!; d = addDays(d, 1)) expect(isWorkingDay(d, cal)).toBe(false);
        }
      }),
    );
  });

  it('an earliest date is the raw end itself, whatever the calendar; a later anchor never gives a date at intake', () => {
    fc.assert(
      fc.property(calendar, instant, counted, zone, (cal, at, term, tz) => {
        const earliest = deadlineDate(rule({ ...term, kind: 'not_before' }), { anchor: 'intake', at }, tz, cal);
        const plain = deadlineDate(rule({ ...term, kind: 'not_before' }), { anchor: 'intake', at }, tz, EMPTY_CALENDAR);
        if (term.unit !== 'working_days') expect(earliest).toBe(plain);
        expect(deadlineDate(rule({ ...term, anchor: 'handoff' }), { anchor: 'intake', at }, tz, cal)).toBeNull();
      }),
    );
  });

  it('adding months keeps the day of the month unless the month is shorter, then gives its last day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SPAN }).map(dayAt), fc.integer({ min: 0, max: 36 }), (day, n) => {
        const later = addMonths(day, n);
        const from = parseDay(day);
        const to = parseDay(later);
        expect((to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth()).toBe(n);
        const lastOfMonth = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + 1, 0)).getUTCDate();
        expect(to.getUTCDate()).toBe(Math.min(from.getUTCDate(), lastOfMonth));
      }),
    );
  });
});
