/**
 * A term that runs from the hand-off (docs/ARCHITECTURE.md §6.4) is dated when the case is handed
 * off: the desk that hands it off pushes the date with the move, the back office keeps it as the
 * due and the original due date, and another desk of the center pulls the same date.
 */
import { describe, expect, it } from 'vitest';
import { STORAGES, useServer } from '../server/harness';
import { useSyncWorld, value } from './desk-harness';
import type { TestDesk } from './desk-harness';

describe.each(STORAGES)('a hand-off-anchored due date after sync on %s', (kind) => {
  const harness = useServer(kind);
  const world = useSyncWorld(harness);

  const get = (desk: TestDesk, id: string) => value(desk.api.call('applications.get', { id }));

  it('is null at both desks until the hand-off at one, then the same date at both and at the back office', async () => {
    // Registered on Friday 27 November, handed off on Tuesday 1 December (Kyiv).
    let clock = new Date('2026-11-27T09:00:00Z');
    const now = () => clock;
    const [a, b] = [world.openDesk(undefined, { now }), world.openDesk(undefined, { now })];
    await a.enroll();
    await b.enroll();
    // The sample's low-income assistance: 10 working days from the day the papers reach the provider.
    const app = await a.register('SZ-04');
    expect(app.dueDate).toBeNull();
    await a.syncNow();
    await b.syncNow();
    expect(await get(b, app.id)).toMatchObject({ dueDate: null, originalDueDate: null });

    clock = new Date('2026-12-01T09:00:00Z');
    await a.changeStatus(app.id, 'sent_to_provider');
    await a.syncNow();
    await b.syncNow();
    // Martial law, no day set off: the 10th working day after Tuesday 1 December is Tuesday 15 December.
    const dated = { status: 'sent_to_provider', dueDate: '2026-12-15', originalDueDate: '2026-12-15' };
    expect(await get(a, app.id)).toMatchObject(dated);
    expect(await get(b, app.id)).toMatchObject(dated);
    const [row] = await harness.storage.query<{ data: Record<string, unknown> }>('SELECT data FROM applications WHERE id = $1', [app.id]);
    expect(row?.data).toMatchObject({ dueDate: '2026-12-15', originalDueDate: '2026-12-15' });
  });
});
