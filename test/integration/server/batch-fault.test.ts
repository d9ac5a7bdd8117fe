/**
 * A storage failure on the server in the middle of applying a batch (docs/SYNC.md, Push: a fault
 * before the commit loses the whole batch's effects and the desk sends it again). A real desk
 * pushes through the real back office; the failure is real PostgreSQL/PGlite error raised inside
 * the batch's transaction after its records, history and log rows are written.
 */
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/contract';
import { count, ids, outboxRows, useSyncWorld } from '../sync/desk-harness';
import type { TestDesk } from '../sync/desk-harness';
import { STORAGES, useServer } from './harness';
import type { Harness } from './harness';

/**
 * A stand-in for a disk filling up or a lost connection: a trigger that fails the insert of the
 * changes for one record (SQLSTATE 53100, disk_full, which push does not retry). Changes are the
 * batch's last statement, so everything else of the batch is already written when it fails.
 */
async function failChangesOf(harness: Harness, recordId: string): Promise<() => Promise<void>> {
  await harness.storage.exec(`
    CREATE TABLE stand_in_fault (record_id text PRIMARY KEY);
    CREATE FUNCTION stand_in_fault() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM stand_in_fault WHERE record_id = NEW.id) THEN
        RAISE EXCEPTION 'stand-in storage failure writing the change of %', NEW.id USING ERRCODE = '53100';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER stand_in_fault BEFORE INSERT ON changes FOR EACH ROW EXECUTE FUNCTION stand_in_fault();`);
  await harness.storage.query('INSERT INTO stand_in_fault (record_id) VALUES ($1)', [recordId]);
  return () => harness.storage.exec('DROP TRIGGER stand_in_fault ON changes; DROP FUNCTION stand_in_fault(); DROP TABLE stand_in_fault;');
}

/** The next status the desk reports on its own that satisfies `done` (its retry timer, not sync.now). */
function statusWhen(desk: TestDesk, done: (status: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    const stop = desk.api.on('sync.status', (status) => {
      if (!done(status)) return;
      stop();
      resolve(status);
    });
  });
}

describe.each(STORAGES)('a storage failure in the middle of a batch on %s', (kind) => {
  const harness = useServer(kind);
  const world = useSyncWorld(harness);

  it('leaves nothing of the batch, the desk retries, and once the fault clears each mutation is applied once', async () => {
    const desk = world.openDesk();
    await desk.enroll();
    const apps = await desk.backlog(async () => {
      const registered = [await desk.register(), await desk.register(), await desk.register()];
      await desk.changeStatus(registered[2]!.id, 'sent_to_provider');
      return registered;
    });
    const seen = world.proxy.log.length;
    const appIds = ids(apps.map((a) => a.id));
    const recordIds = ids([apps[0]!.applicant.id, ...apps.map((a) => a.id)]);
    const mutationIds = () => ids(outboxRows(desk).map((r) => r.mutation_id));
    const onServer = async () => ({
      applicants: await count(harness, 'SELECT count(*)::int AS n FROM applicants WHERE id = $1', [apps[0]!.applicant.id]),
      applications: await count(
        harness,
        'SELECT count(*)::int AS n FROM applications WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
        [appIds],
      ),
      versions: await count(
        harness,
        'SELECT count(*)::int AS n FROM entity_versions WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
        [recordIds],
      ),
      changes: await count(harness, 'SELECT count(*)::int AS n FROM changes WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [
        recordIds,
      ]),
      statuses: await count(
        harness,
        'SELECT count(*)::int AS n FROM application_status_history WHERE application_id IN (SELECT jsonb_array_elements_text($1::jsonb))',
        [appIds],
      ),
      logged: await count(
        harness,
        'SELECT count(*)::int AS n FROM mutation_log WHERE mutation_id IN (SELECT jsonb_array_elements_text($1::jsonb))',
        [mutationIds()],
      ),
    });
    const nothing = { applicants: 0, applications: 0, versions: 0, changes: 0, statuses: 0, logged: 0 };

    // The second application, in the middle of the batch: applicant, three registrations, a status change.
    const clearFault = await failChangesOf(harness, apps[1]!.id);
    let cleared = false;
    try {
      expect(await desk.syncNow()).toMatchObject({ state: 'offline', pending: 5, deadLetters: 0, conflicts: 0 });
      expect(outboxRows(desk)).toHaveLength(5);
      expect(await onServer()).toEqual(nothing);

      // The desk tries again while the fault lasts: the same batch fails whole again, nothing is dead-lettered.
      expect(await desk.syncNow()).toMatchObject({ state: 'offline', pending: 5, deadLetters: 0 });
      expect(outboxRows(desk).every((r) => r.status === 'pending')).toBe(true);
      expect(await onServer()).toEqual(nothing);
      const failedPushes = world.proxy.log.slice(seen).filter((r) => r.path === '/sync/push').length;
      expect(failedPushes).toBeGreaterThanOrEqual(2);

      // The fault clears; the desk gets there on its own retry timer, without sync.now.
      const synced = statusWhen(desk, (s) => s.state === 'online' && s.pending === 0);
      await clearFault();
      cleared = true;
      expect(await synced).toMatchObject({ state: 'online', pending: 0, deadLetters: 0, conflicts: 0 });
    } finally {
      if (!cleared) await clearFault();
    }

    const rows = outboxRows(desk);
    expect(rows.map((r) => [r.kind, r.status, r.server_version])).toEqual([
      ['applicant.create', 'acked', 1],
      ['application.register', 'acked', 1],
      ['application.register', 'acked', 1],
      ['application.register', 'acked', 1],
      ['application.status', 'acked', 2],
    ]);
    // Exactly once: one row per record, one version per mutation, 3 registrations + 1 status change in history.
    expect(await onServer()).toEqual({ applicants: 1, applications: 3, versions: 5, changes: 5, statuses: 4, logged: 5 });
  });
});
