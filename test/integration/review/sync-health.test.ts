/**
 * Sync health as the supervisor reads it (issue 15): a pending change names its application by
 * number and applicant; a conflict carries both versions of the changed field and is settled by
 * taking the back office's version, with the reason audited.
 */
import { describe, expect, it } from 'vitest';
import { STORAGES, useServer } from '../server/harness';
import { readDb, useSyncWorld, value } from '../sync/desk-harness';

describe.each(STORAGES)('sync health on %s', (kind) => {
  const harness = useServer(kind);
  const world = useSyncWorld(harness);

  it('names pending records, shows a conflict side by side, and takes the back office’s version with a reason', async () => {
    const { a, b, app } = await world.twoDesksWithApplication();
    world.proxy.setMode('drop');
    await value(a.api.call('applications.update', { id: app.id, notes: 'A: паспорт готовий' }));
    await value(b.api.call('applications.update', { id: app.id, notes: 'B: зателефонувати' }));
    const [pending] = await value(a.api.call('sync.pendingList', {}));
    expect(pending).toMatchObject({
      kind: 'application.update',
      record: { entity: 'application', id: app.id, number: app.regNumber, applicantName: app.applicant.displayName },
    });
    world.proxy.setMode('pass');
    const [fromA, fromB] = [await a.syncNow(), await b.syncNow()];
    expect(fromA.conflicts + fromB.conflicts).toBe(1);
    const [loser, winning, losing] =
      fromA.conflicts === 0 ? [b, 'A: паспорт готовий', 'B: зателефонувати'] : [a, 'B: зателефонувати', 'A: паспорт готовий'];

    const [letter] = await value(loser.api.call('sync.deadLetters', {}));
    expect(letter).toMatchObject({
      status: 'conflict',
      record: { number: app.regNumber, applicantName: app.applicant.displayName },
      refusal: { type: 'conflict', fields: ['notes'] },
      fields: [{ field: 'notes', mine: { kind: 'text', text: losing }, server: { kind: 'text', text: winning } }],
      resolvable: true,
    });

    // A reason is required, as for discarding.
    expect(await loser.api.call('sync.resolve', { mutationId: letter!.mutationId, reason: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    await value(loser.api.call('sync.resolve', { mutationId: letter!.mutationId, reason: 'Правильна примітка колеги' }));
    expect(await value(loser.api.call('sync.deadLetters', {}))).toEqual([]);
    expect(await value(loser.api.call('applications.get', { id: app.id }))).toMatchObject({ notes: winning, sync: 'synced' });
    expect(
      readDb(loser, (db) =>
        db
          .prepare("SELECT details ->> '$.reason' FROM audit_events WHERE action = 'sync.resolve' AND entity_id = ?")
          .pluck()
          .all(letter!.mutationId),
      ),
    ).toEqual(['Правильна примітка колеги']);
    // Settled once: a second time finds nothing to settle.
    expect(await loser.api.call('sync.resolve', { mutationId: letter!.mutationId, reason: 'ще раз' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
