/** A supervisor's calendar edits as the back office applies them (server/sync/apply/calendar.ts), on a real EntityStore. */
import { describe, expect, it } from 'vitest';
import { calendarPolicies } from '../../../../../server/sync/apply/calendar';
import { useRecords } from './store-fixture';

const records = useRecords();
const setDay = calendarPolicies['calendar.day']!;
const setSettings = calendarPolicies['calendar.settings']!;
let center = 0;
/** A center of its own per test, so tests do not see each other's calendars. */
const newCenter = () => `T${++center}`;

describe('calendar policies', () => {
  it("starts a center's first calendar from the default (martial law on, no days) and adds the day", async () => {
    const c = newCenter();
    const entry = { kind: 'day_off', name: 'День міста' };
    expect(
      await records.apply(
        setDay,
        { aggregate: `calendar:${c}`, kind: 'calendar.day', baseVersion: null, payload: { id: c, day: '2026-11-14', entry } },
        { centerCode: c },
      ),
    ).toEqual({
      status: 'applied',
      version: 1,
    });
    expect(await records.stored('calendar', c)).toEqual({
      version: 1,
      data: { martialLaw: true, days: { '2026-11-14': entry } },
      versions: [1],
    });
  });

  it('sets a day over what it was, puts one back to ordinary, and leaves the other days and the switch', async () => {
    const c = newCenter();
    const other = { kind: 'working_day', name: 'Відпрацювання' };
    await records.history(
      'calendar',
      c,
      { 3: { martialLaw: false, days: { '2026-11-14': { kind: 'day_off', name: 'x' }, '2026-11-21': other } } },
      c,
    );
    const day = (date: string, entry: unknown) =>
      records.apply(
        setDay,
        { aggregate: `calendar:${c}`, kind: 'calendar.day', baseVersion: 3, payload: { id: c, day: date, entry } },
        { centerCode: c },
      );
    expect(await day('2026-11-14', { kind: 'working_day', name: 'Субота' })).toEqual({ status: 'applied', version: 4 });
    expect((await records.stored('calendar', c))?.data).toEqual({
      martialLaw: false,
      days: { '2026-11-14': { kind: 'working_day', name: 'Субота' }, '2026-11-21': other },
    });
    expect(await day('2026-11-14', null)).toEqual({ status: 'applied', version: 5 });
    expect(await records.stored('calendar', c)).toEqual({
      version: 5,
      data: { martialLaw: false, days: { '2026-11-21': other } },
      versions: [3, 4, 5],
    });
  });

  it('switches martial law and keeps the days', async () => {
    const c = newCenter();
    const days = { '2026-11-14': { kind: 'day_off', name: 'x' } };
    await records.history('calendar', c, { 1: { martialLaw: true, days } }, c);
    expect(
      await records.apply(
        setSettings,
        { aggregate: `calendar:${c}`, kind: 'calendar.settings', baseVersion: 1, payload: { id: c, martialLaw: false } },
        { centerCode: c },
      ),
    ).toEqual({
      status: 'applied',
      version: 2,
    });
    expect((await records.stored('calendar', c))?.data).toEqual({ martialLaw: false, days });
  });

  it("refuses another center's calendar and a payload that is not a calendar edit, writing nothing", async () => {
    const c = newCenter();
    expect(
      await records.apply(
        setSettings,
        { aggregate: `calendar:${c}`, kind: 'calendar.settings', baseVersion: null, payload: { id: c, martialLaw: false } },
        { centerCode: 'C1' },
      ),
    ).toMatchObject({
      status: 'rejected',
      code: 'wrong_center',
    });
    expect(
      await records.apply(
        setDay,
        { aggregate: `calendar:${c}`, kind: 'calendar.day', baseVersion: null, payload: { id: c, day: '2026-02-30', entry: null } },
        { centerCode: c },
      ),
    ).toMatchObject({
      status: 'rejected',
      code: 'invalid_payload',
      fieldErrors: [{ path: ['payload', 'day'] }],
    });
    expect(
      await records.apply(
        setSettings,
        { aggregate: `calendar:${c}`, kind: 'calendar.settings', baseVersion: null, payload: { id: c, martialLaw: 'no' } },
        { centerCode: c },
      ),
    ).toMatchObject({
      status: 'rejected',
      code: 'invalid_payload',
      fieldErrors: [{ path: ['payload', 'martialLaw'] }],
    });
    expect(await records.stored('calendar', c)).toBeNull();
  });
});
