import { describe, expect, it } from 'vitest';
import { templateRows, weekendTransfer } from '../../../renderer/src/features/calendar/template-rows';

const statusOf = (rows: ReturnType<typeof templateRows>, day: string) =>
  rows.filter((r) => r.day === day).map((r) => [r.status, r.byEntry]);

describe('the year template as the calendar dialog shows it', () => {
  it('2027: under martial law weekday holidays and transfers are worked; off, they are days off; weekends are off either way', () => {
    const on = templateRows(2027, true, []);
    const off = templateRows(2027, false, []);
    expect(statusOf(on, '2027-01-01')).toEqual([['worked_martial_law', false]]);
    expect(statusOf(off, '2027-01-01')).toEqual([['off', false]]);
    // Easter Sunday 2 May is off anyway; its transfer (Tuesday 4 May, after 1 May's Monday) follows the switch.
    expect(statusOf(on, '2027-05-02')).toEqual([['off', false]]);
    expect(statusOf(on, '2027-05-04')).toEqual([['worked_martial_law', false]]);
    expect(statusOf(off, '2027-05-04')).toEqual([['off', false]]);
    expect(on.every((row) => row.day.startsWith('2027-'))).toBe(true);
  });

  it('a day the supervisor set wins over the template, and says so', () => {
    const rows = templateRows(2027, false, [{ day: '2027-01-01', kind: 'working_day', name: '' }]);
    expect(statusOf(rows, '2027-01-01')).toEqual([['worked', true]]);
    expect(statusOf(templateRows(2027, true, [{ day: '2027-03-08', kind: 'day_off', name: '' }]), '2027-03-08')).toEqual([['off', true]]);
  });

  it('lists the previous year’s transfer dated in January (1 January 2022 was a Saturday)', () => {
    expect(templateRows(2022, false, []).find((row) => row.day === '2022-01-03')).toMatchObject({
      kind: 'transfer',
      holidayId: 'new_year',
    });
  });
});

describe('where art. 67 would move a weekend day off', () => {
  it('to the Monday, or past days already off', () => {
    expect(weekendTransfer('2027-06-05', [], true)).toBe('2027-06-07');
    expect(weekendTransfer('2027-06-05', [{ day: '2027-06-07', kind: 'day_off', name: '' }], true)).toBe('2027-06-08');
    // With martial law off, Trinity Monday 21 June is off already.
    expect(weekendTransfer('2027-06-19', [], false)).toBe('2027-06-22');
    expect(weekendTransfer('2027-06-19', [], true)).toBe('2027-06-21');
  });
});
