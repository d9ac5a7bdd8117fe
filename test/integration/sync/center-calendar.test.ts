/**
 * One calendar per center (docs/ARCHITECTURE.md §6.4): a supervisor's edit at one desk reaches
 * the back office's record of the center and every desk of that center pulls it, so two desks
 * print the same due date for the same service and day; a desk of another center keeps its own.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CenterCalendarData } from '../../../shared/domain/center-calendar';
import { STORAGES, useServer } from '../server/harness';
import { CENTER, useSyncWorld, value } from './desk-harness';
import type { TestDesk } from './desk-harness';

// Tuesday 29 December 2026, 10:00 in Kyiv: ID-01's 20 working days run across the new year.
const now = () => new Date('2026-12-29T08:00:00Z');
const EPIPHANY_EVE = { day: '2027-01-06', kind: 'day_off', name: 'Рішення ради' } as const;

describe.each(STORAGES)('the center calendar on %s', (kind) => {
  const harness = useServer(kind);
  const world = useSyncWorld(harness);

  const settings = (desk: TestDesk) => value(desk.api.call('calendar.settings', {}));
  const january = (desk: TestDesk) => value(desk.api.call('calendar.list', { from: '2027-01-01', to: '2027-01-31' }));
  // ID-01: 20 working days, so the calendar shows in the date.
  const dueDate = async (desk: TestDesk) => (await desk.register('ID-01')).dueDate;

  async function serverCalendar(center: string): Promise<CenterCalendarData | null> {
    const [row] = await harness.storage.query<{ data: unknown }>('SELECT data FROM calendars WHERE id = $1', [center]);
    return row ? CenterCalendarData.parse(row.data) : null;
  }

  it('an edit shows at once and pending; both desks of the center pull it and print the same due date; another center is unaffected', async () => {
    const [a, b] = [world.openDesk(undefined, { now }), world.openDesk(undefined, { now })];
    const other = world.openDesk(undefined, { now, center: 'LV02' });
    for (const desk of [a, b, other]) await desk.enroll();
    // Martial law by default: 1 January is worked. 20 working days from 29 December end on 26 January.
    expect(await dueDate(a)).toBe('2027-01-26');

    // The back office is unreachable: the supervisor's edits land here at once, marked pending.
    world.proxy.setMode('drop');
    expect(await value(a.api.call('calendar.setMartialLaw', { martialLaw: false }))).toEqual({
      martialLaw: false,
      pending: true,
      centerOwned: true,
    });
    await value(a.api.call('calendar.put', EPIPHANY_EVE));
    expect(await january(a)).toEqual([{ ...EPIPHANY_EVE, pending: true }]);
    // The template (1 January off) and the day set apply to this desk's due dates already.
    expect(await dueDate(a)).toBe('2027-01-28');
    expect(await serverCalendar(CENTER)).toBeNull();

    world.proxy.setMode('pass');
    await a.syncNow();
    await b.syncNow();
    await other.syncNow();
    expect(await serverCalendar(CENTER)).toEqual({ martialLaw: false, days: { '2027-01-06': { kind: 'day_off', name: 'Рішення ради' } } });
    expect(await serverCalendar('LV02')).toBeNull();
    expect(await settings(a)).toEqual({ martialLaw: false, pending: false, centerOwned: true });
    expect(await january(a)).toEqual([{ ...EPIPHANY_EVE, pending: false }]);

    // The other desk of the center pulled the same calendar and computes the same date.
    expect(await settings(b)).toEqual({ martialLaw: false, pending: false, centerOwned: true });
    expect(await january(b)).toEqual([{ ...EPIPHANY_EVE, pending: false }]);
    expect(await dueDate(b)).toBe('2027-01-28');
    expect(await dueDate(a)).toBe('2027-01-28');

    // A desk of another center pulled nothing of it.
    expect(await settings(other)).toEqual({ martialLaw: true, pending: false, centerOwned: true });
    expect(await january(other)).toEqual([]);
    expect(await dueDate(other)).toBe('2027-01-26');
  });

  it('the last edit the back office applies wins, and both desks end with it', async () => {
    const [a, b] = [world.openDesk(undefined, { now }), world.openDesk(undefined, { now })];
    for (const desk of [a, b]) await desk.enroll();
    await value(a.api.call('calendar.put', EPIPHANY_EVE));
    await a.syncNow();
    await b.syncNow();
    // B makes the day a worked one and switches the template on; then A, not having pulled that, removes the day.
    await value(b.api.call('calendar.put', { ...EPIPHANY_EVE, kind: 'working_day', name: 'Відпрацювання' }));
    await value(b.api.call('calendar.setMartialLaw', { martialLaw: false }));
    await b.syncNow();
    await value(a.api.call('calendar.remove', { day: EPIPHANY_EVE.day }));
    await a.syncNow();
    await b.syncNow();
    for (const desk of [a, b]) {
      expect(await january(desk)).toEqual([]);
      expect(await settings(desk)).toMatchObject({ martialLaw: false, pending: false });
    }
    expect(await serverCalendar(CENTER)).toEqual({ martialLaw: false, days: {} });
  });
  it('refuses a desk’s edit of another center’s calendar, and stores nothing', async () => {
    const desk = await harness.enrollDesk(CENTER);
    const [result] = await harness.push(desk, [
      {
        mutationId: randomUUID(),
        aggregate: 'calendar:LV02',
        prevMutationId: null,
        baseVersion: null,
        kind: 'calendar.settings',
        payload: { id: 'LV02', martialLaw: false },
        actor: 'clerk-1',
        createdAt: new Date().toISOString(),
      },
    ]);
    expect(result).toMatchObject({ status: 'rejected', code: 'wrong_center' });
    expect(await serverCalendar('LV02')).toBeNull();
  });
});
