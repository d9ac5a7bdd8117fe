/**
 * A desk's own edits queued one behind another, offline, edit on top of each other: the back
 * office must not take its own earlier edit for another desk's (docs/SYNC.md, conflict
 * policies: a conflict is an edit of a field that changed since the base by someone else).
 * Found by the convergence run (convergence.test.ts, seed 2026).
 */
import { describe, expect, it } from 'vitest';
import { STORAGES, useServer } from '../server/harness';
import { useSyncWorld, value } from './desk-harness';

describe.each(STORAGES)('one desk’s queued edits of one field on %s', (kind) => {
  const harness = useServer(kind);
  const world = useSyncWorld(harness);

  const serverNotes = async (id: string) =>
    (await harness.storage.query<{ data: { notes: string | null } }>('SELECT data FROM applications WHERE id = $1', [id]))[0]?.data.notes;

  /** An enrolled desk whose registration the back office already has: the edits below start from a synced base. */
  async function syncedDeskWithApplication() {
    const desk = world.openDesk();
    await desk.enroll();
    const app = await desk.register();
    expect(await desk.syncNow()).toMatchObject({ pending: 0 });
    return { desk, app };
  }

  it('two offline edits of the notes at one desk: the later one applies, no conflict', async () => {
    const { desk, app } = await syncedDeskWithApplication();
    world.proxy.setMode('drop');
    await value(desk.api.call('applications.update', { id: app.id, notes: 'Перша нотатка' }));
    await value(desk.api.call('applications.update', { id: app.id, notes: 'Друга нотатка' }));
    world.proxy.setMode('pass');
    expect(await desk.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
    expect(await serverNotes(app.id)).toBe('Друга нотатка');
  });

  it('an own edit of another field between them does not hide the first from the third', async () => {
    const { desk, app } = await syncedDeskWithApplication();
    world.proxy.setMode('drop');
    await value(desk.api.call('applications.update', { id: app.id, notes: 'Перша нотатка' }));
    await value(desk.api.call('applications.update', { id: app.id, resultDelivery: 'post' }));
    await value(desk.api.call('applications.update', { id: app.id, notes: 'Друга нотатка' }));
    world.proxy.setMode('pass');
    expect(await desk.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
    expect(await serverNotes(app.id)).toBe('Друга нотатка');
  });

  it('another desk’s edit of the field in between is still a conflict: only this desk’s own versions count as seen', async () => {
    const { a, b, app } = await world.twoDesksWithApplication();
    world.proxy.setMode('drop');
    await value(a.api.call('applications.update', { id: app.id, resultDelivery: 'post' }));
    await value(a.api.call('applications.update', { id: app.id, notes: 'A: зателефонувати' }));
    await a.close();
    world.proxy.setMode('pass');
    await value(b.api.call('applications.update', { id: app.id, notes: 'B: паспорт готовий' }));
    expect(await b.syncNow()).toMatchObject({ pending: 0, conflicts: 0 });
    const reopened = world.openDesk(a.deskCode, { dataDir: a.dataDir });
    expect(await reopened.syncNow()).toMatchObject({ pending: 0, conflicts: 1 });
    expect(await serverNotes(app.id)).toBe('B: паспорт готовий');
    const [letter] = await value(reopened.api.call('sync.deadLetters', {}));
    expect(letter).toMatchObject({ kind: 'application.update', payload: { notes: 'A: зателефонувати' } });
  });
});
