import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dueDate, isWorkingDay } from '../../../shared/calendar';
import { orthodoxEaster, STATUTORY_HOLIDAYS, TEMPLATE_YEARS, templateDaysOff, yearTemplate } from '../../../shared/calendar-template';

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const year = fc.integer({ min: TEMPLATE_YEARS.first, max: TEMPLATE_YEARS.last });

describe('Orthodox Easter', () => {
  it.each([
    [2021, '2021-05-02'],
    [2024, '2024-05-05'],
    [2025, '2025-04-20'],
    [2026, '2026-04-12'],
    [2027, '2027-05-02'],
    [2100, '2100-05-02'],
  ])('%i falls on %s', (y, expected) => {
    expect(orthodoxEaster(y)).toBe(expected);
  });

  it('is always a Sunday in April or May', () => {
    fc.assert(
      fc.property(year, (y) => {
        const easter = orthodoxEaster(y);
        expect(weekdayOf(easter)).toBe(0);
        expect(['04', '05']).toContain(easter.slice(5, 7));
        expect(easter.slice(0, 4)).toBe(String(y));
      }),
    );
  });

  it('refuses a year it was not written for', () => {
    expect(() => orthodoxEaster(TEMPLATE_YEARS.last + 1)).toThrow(RangeError);
    expect(() => yearTemplate(1899)).toThrow(RangeError);
  });
});

describe('the year template (КЗпП art. 73, art. 67)', () => {
  it('2027: every statutory holiday, Easter and Trinity computed, and the art. 67 transfers', () => {
    const template = yearTemplate(2027);
    expect(template.filter((d) => d.kind === 'holiday').map((d) => [d.day, d.holidayId])).toEqual([
      ['2027-01-01', 'new_year'],
      ['2027-03-08', 'womens_day'],
      ['2027-05-01', 'labour_day'],
      ['2027-05-02', 'easter'],
      ['2027-05-08', 'victory_day'],
      ['2027-06-20', 'trinity'],
      ['2027-06-28', 'constitution_day'],
      ['2027-07-15', 'statehood_day'],
      ['2027-08-24', 'independence_day'],
      ['2027-10-01', 'defenders_day'],
      ['2027-12-25', 'christmas'],
    ]);
    // 1 May is a Saturday and Easter the Sunday after: Monday and Tuesday are off. 8 May, Trinity
    // and Christmas fall on weekends too.
    expect(template.filter((d) => d.kind === 'transfer').map((d) => [d.day, d.holidayId])).toEqual([
      ['2027-05-03', 'labour_day'],
      ['2027-05-04', 'easter'],
      ['2027-05-10', 'victory_day'],
      ['2027-06-21', 'trinity'],
      ['2027-12-27', 'christmas'],
    ]);
  });

  it('a transfer never lands on a weekend, a holiday or another transfer, and follows its holiday', () => {
    fc.assert(
      fc.property(year, (y) => {
        const template = yearTemplate(y);
        const holidays = new Set(template.filter((d) => d.kind === 'holiday').map((d) => d.day));
        const transfers = template.filter((d) => d.kind === 'transfer');
        expect(new Set(transfers.map((d) => d.day)).size).toBe(transfers.length);
        for (const transfer of transfers) {
          expect([0, 6]).not.toContain(weekdayOf(transfer.day));
          expect(holidays.has(transfer.day)).toBe(false);
          const holiday = template.find((d) => d.kind === 'holiday' && d.holidayId === transfer.holidayId);
          expect(holiday && [0, 6].includes(weekdayOf(holiday.day)) && holiday.day < transfer.day).toBe(true);
        }
        // Every holiday on a weekend has exactly one transfer; one on a weekday has none.
        for (const holiday of template.filter((d) => d.kind === 'holiday')) {
          const moved = transfers.filter((d) => d.holidayId === holiday.holidayId).length;
          expect(moved).toBe([0, 6].includes(weekdayOf(holiday.day)) ? 1 : 0);
        }
        expect(template.filter((d) => d.kind === 'holiday')).toHaveLength(STATUTORY_HOLIDAYS.length);
      }),
    );
  });

  it('Easter and Trinity Sundays move to the Monday after, unless an earlier holiday took that Monday', () => {
    fc.assert(
      fc.property(year, (y) => {
        const template = yearTemplate(y);
        for (const id of ['easter', 'trinity']) {
          const sunday = template.find((d) => d.holidayId === id && d.kind === 'holiday')?.day ?? '';
          const moved = template.find((d) => d.holidayId === id && d.kind === 'transfer')?.day ?? '';
          const monday = addDays(sunday, 1);
          const mondayTaken = template.some((d) => d.day === monday && d.holidayId !== id);
          expect(moved).toBe(mondayTaken ? addDays(sunday, 2) : monday);
        }
      }),
    );
  });

  it('a Saturday 31 December gives its Monday off in the next year', () => {
    // 2022-12-31 is not a holiday, but 2022-01-01 was a Saturday: 3 January 2022 was off.
    expect(templateDaysOff(2022).has('2022-01-03')).toBe(true);
    // Christmas 2021 was a Saturday: its Monday is 27 December, inside 2021.
    expect(templateDaysOff(2021).has('2021-12-27')).toBe(true);
    // The set holds weekdays only, each inside its own year.
    for (const day of templateDaysOff(2027)) {
      expect(day.startsWith('2027-')).toBe(true);
      expect([0, 6]).not.toContain(weekdayOf(day));
    }
  });
});

describe('the template as a rule of the working-day calendar', () => {
  const withTemplate = { daysOff: new Set<string>(), workingDays: new Set<string>(), ruleDaysOff: templateDaysOff };
  const without = { daysOff: new Set<string>(), workingDays: new Set<string>() };

  it('takes 1 January and Easter Monday 2027 off, and an explicit entry wins over it', () => {
    expect(isWorkingDay('2027-01-01', withTemplate)).toBe(false);
    expect(isWorkingDay('2027-05-03', withTemplate)).toBe(false);
    expect(isWorkingDay('2027-01-01', without)).toBe(true);
    expect(isWorkingDay('2027-05-03', without)).toBe(true);
    const worked = { ...withTemplate, workingDays: new Set(['2027-01-01']) };
    expect(isWorkingDay('2027-01-01', worked)).toBe(true);
  });

  it('moves a due date across the year end only when the template applies', () => {
    // Registered Wednesday 29 December 2026; 3 working days: 30, 31 December, then 4 January (1 January is off).
    expect(dueDate('2026-12-29', 3, 'working_days', withTemplate)).toBe('2027-01-04');
    expect(dueDate('2026-12-29', 3, 'working_days', without)).toBe('2027-01-01');
  });
});
