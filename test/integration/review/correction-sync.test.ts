/**
 * A supervisor's correction (issue 15) syncs as the edit or status move it is, with its reason:
 * the back office keeps the reason in the record's history, the correcting desk's card and the
 * other desk's card show who corrected and why, and the desk's audit log has it.
 */
import { describe, expect, it } from 'vitest';
import { StatusHistory } from '../../../shared/domain/application-history';
import { STORAGES, useServer } from '../server/harness';
import { readDb, useSyncWorld, value } from '../sync/desk-harness';

describe.each(STORAGES)('a correction synced through the back office on %s', (kind) => {
  const harness = useServer(kind);
  const world = useSyncWorld(harness);

  async function serverRecord(id: string) {
    const [row] = await harness.storage.query<{ data: { notes: unknown; status: unknown; statusHistory: unknown } }>(
      'SELECT data FROM applications WHERE id = $1',
      [id],
    );
    return { notes: row?.data.notes, status: row?.data.status, history: StatusHistory.parse(row?.data.statusHistory) };
  }

  it('keeps the reason of a field correction and of a status correction in the history every desk shows', async () => {
    const { a, b, app } = await world.twoDesksWithApplication();
    await value(
      a.api.call('applications.correct', {
        applicationId: app.id,
        fields: { notes: 'Дзвонити зранку' },
        reason: 'Примітку внесено не до тієї справи',
      }),
    );
    await value(
      a.api.call('applications.correct', {
        applicationId: app.id,
        status: { to: 'registered_in_error' },
        reason: 'Заяву зареєстровано двічі',
      }),
    );
    expect(await a.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
    await b.syncNow();

    const server = await serverRecord(app.id);
    expect(server.notes).toBe('Дзвонити зранку');
    expect(server.status).toBe('registered_in_error');
    // The reason is not a field of the record: it lives in the history only.
    expect(server.history.map((s) => [s.from, s.to, s.correctionReason ?? null])).toEqual([
      [null, 'registered', null],
      ['registered', 'registered', 'Примітку внесено не до тієї справи'],
      ['registered', 'registered_in_error', 'Заяву зареєстровано двічі'],
    ]);

    const corrections = (history: Array<{ from: unknown; to: unknown; correctionReason?: string; pending: boolean }>) =>
      history.filter((s) => s.correctionReason !== undefined).map((s) => [s.from, s.to, s.correctionReason, s.pending]);
    const atA = await value(a.api.call('applications.get', { id: app.id }));
    expect(corrections(atA.history)).toEqual([
      ['registered', 'registered', 'Примітку внесено не до тієї справи', false],
      ['registered', 'registered_in_error', 'Заяву зареєстровано двічі', false],
    ]);
    const supervisor = (await value(a.api.call('clerk.me', {}))).fullName;
    expect(atA.history.filter((s) => s.correctionReason !== undefined).map((s) => s.actorName)).toEqual([supervisor, supervisor]);
    // Desk B gets the correction of fields as the step that keeps the status, its reason the correction's (the card words it so).
    const atB = await value(b.api.call('applications.get', { id: app.id }));
    expect(atB.notes).toBe('Дзвонити зранку');
    expect(atB.history.filter((s) => s.from === s.to).map((s) => s.reason)).toEqual(['Примітку внесено не до тієї справи']);

    const audited = readDb(a, (db) =>
      db
        .prepare(
          "SELECT action, details ->> '$.correctionReason' FROM audit_events WHERE entity_id = ? AND details ->> '$.correctionReason' IS NOT NULL ORDER BY seq",
        )
        .raw()
        .all(app.id),
    );
    expect(audited).toEqual([
      ['application.update', 'Примітку внесено не до тієї справи'],
      ['application.status', 'Заяву зареєстровано двічі'],
    ]);
  });

  it('refuses a correction that changes nothing or has too short a reason, and writes nothing', async () => {
    const a = world.openDesk();
    await a.enroll();
    const app = await a.register();
    const before = readDb(a, (db) => db.prepare('SELECT count(*) FROM outbox').pluck().get());
    const same = await a.api.call('applications.correct', { applicationId: app.id, fields: { notes: app.notes }, reason: 'Перевірка' });
    expect(same).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: ['fields'], message: 'correction.nothing_changed' }] } },
    });
    const short = await a.api.call('applications.correct', { applicationId: app.id, fields: { notes: 'Інше' }, reason: 'так' });
    expect(short).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // A status the machine has no arrow for: the fields' change in the same correction is rolled back with it.
    const both = await a.api.call('applications.correct', {
      applicationId: app.id,
      fields: { notes: 'Інше' },
      status: { to: 'issued' },
      reason: 'Видано раніше',
    });
    expect(both).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['status', 'to'] }] } } });
    expect(readDb(a, (db) => db.prepare('SELECT count(*) FROM outbox').pluck().get())).toBe(before);
    expect((await value(a.api.call('applications.get', { id: app.id }))).notes).toBe(app.notes);
  });
});
