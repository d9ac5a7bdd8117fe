/**
 * End to end: a real desk backend syncing with the real back office over loopback HTTP,
 * through a proxy that loses answers, duplicates requests and answers 500 in place of the server.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { revokeDevice } from '../../../server/auth/devices';
import { pruneChanges } from '../../../server/sync/prune';
import { STORAGES, useServer } from '../server/harness';
import { count, CENTER, ids, outboxRows, pullCursor, readDb, stampOf, useSyncWorld, value, writeDb } from './desk-harness';
import { backupPoint, restoreTo } from './server-restore';

const DAY_MS = 86_400_000;

describe.each(STORAGES)('desk ↔ back office through a faulty network on %s', (kind) => {
  const harness = useServer(kind);
  const world = useSyncWorld(harness);

  const appsOnServer = (id: string) => count(harness, 'SELECT count(*)::int AS n FROM applications WHERE id = $1', [id]);
  const historyOnServer = (id: string) =>
    harness.storage.query<{ from_status: string | null; to_status: string }>(
      'SELECT from_status, to_status FROM application_status_history WHERE application_id = $1 ORDER BY id',
      [id],
    );
  const loggedOnServer = (list: readonly string[]) =>
    count(harness, 'SELECT count(*)::int AS n FROM mutation_log WHERE mutation_id IN (SELECT jsonb_array_elements_text($1::jsonb))', [
      ids(list),
    ]);

  it('1. the server committed but the answer was lost: the re-push is a duplicate, one application', async () => {
    // A center of its own: the enrollment pulls no other test's applicant, so the first registration brings one.
    const desk = world.openDesk(undefined, { center: 'F1' });
    await desk.enroll();
    const app = await desk.backlog(() => desk.register());
    const seen = world.proxy.log.length;
    world.proxy.setMode({ kind: 'resetAfterUpstream', path: '/sync/push', times: 1 });
    const first = await desk.syncNow();
    expect(first).toMatchObject({ state: 'offline', pending: 2 });
    expect(await appsOnServer(app.id)).toBe(1);

    const status = await desk.syncNow();
    expect(status).toMatchObject({ state: 'online', pending: 0, deadLetters: 0, conflicts: 0 });
    const rows = outboxRows(desk);
    expect(rows.map((r) => [r.kind, r.status, r.server_version])).toEqual([
      ['applicant.create', 'acked', 1],
      ['application.register', 'acked', 1],
    ]);
    expect(await appsOnServer(app.id)).toBe(1);
    expect(await historyOnServer(app.id)).toEqual([{ from_status: null, to_status: 'registered' }]);
    expect(await loggedOnServer(rows.map((r) => r.mutation_id))).toBe(2);
    expect(
      world.proxy.log
        .slice(seen)
        .filter((r) => r.path === '/sync/push')
        .map((r) => r.fault),
    ).toEqual(['resetAfterUpstream', 'pass']);
  });

  it('1b. the desk really restarts after the lost answer: the reopened desk re-pushes and gets duplicates', async () => {
    // A center of its own: the enrollment pulls no other test's applicant, so the first registration brings one.
    const desk = world.openDesk(undefined, { center: 'F1B' });
    await desk.enroll();
    const app = await desk.backlog(() => desk.register());
    world.proxy.setMode({ kind: 'resetAfterUpstream', path: '/sync/push', times: 1 });
    expect(await desk.syncNow()).toMatchObject({ state: 'offline', pending: 2 });
    await desk.close();

    const again = world.openDesk(desk.deskCode, { dataDir: desk.dataDir, center: 'F1B' });
    // start() already kicked a cycle; sync.now waits for it and runs another.
    expect(await again.syncNow()).toMatchObject({ state: 'online', pending: 0, deadLetters: 0 });
    expect(outboxRows(again).every((r) => r.status === 'acked' && r.server_version === 1)).toBe(true);
    expect(await appsOnServer(app.id)).toBe(1);
    expect(await historyOnServer(app.id)).toHaveLength(1);
  });

  it('2. a status change whose answer was lost is applied once: one history entry', async () => {
    const desk = world.openDesk();
    await desk.enroll();
    const app = await desk.register();
    expect(await desk.syncNow()).toMatchObject({ pending: 0 });

    world.proxy.setMode({ kind: 'resetAfterUpstream', path: '/sync/push', times: 1 });
    await desk.changeStatus(app.id, 'sent_to_provider');
    expect(await desk.syncNow()).toMatchObject({ state: 'online', pending: 0, deadLetters: 0, conflicts: 0 });

    expect(await historyOnServer(app.id)).toEqual([
      { from_status: null, to_status: 'registered' },
      { from_status: 'registered', to_status: 'sent_to_provider' },
    ]);
    const [server] = await harness.storage.query<{ version: number; data: { status: string } }>(
      'SELECT version, data FROM applications WHERE id = $1',
      [app.id],
    );
    expect(server).toMatchObject({ version: 2, data: { status: 'sent_to_provider' } });
    expect(outboxRows(desk).at(-1)).toMatchObject({ kind: 'application.status', status: 'acked', server_version: 2 });
  });

  it('3. the same batch pushed twice at once: every mutation applied once', async () => {
    // A center of its own: the enrollment pulls no other test's applicant, so the first registration brings one.
    const desk = world.openDesk(undefined, { center: 'F3' });
    await desk.enroll();
    const apps = await desk.backlog(async () => {
      const registered = [await desk.register(), await desk.register(), await desk.register()];
      await desk.changeStatus(registered[0]!.id, 'sent_to_provider');
      return registered;
    });
    world.proxy.setMode({ kind: 'duplicate', path: '/sync/push', times: 1 });
    expect(await desk.syncNow()).toMatchObject({ state: 'online', pending: 0, deadLetters: 0, conflicts: 0 });
    expect(world.proxy.log.some((r) => r.fault === 'duplicate')).toBe(true);

    const rows = outboxRows(desk);
    expect(rows).toHaveLength(5);
    expect(await loggedOnServer(rows.map((r) => r.mutation_id))).toBe(5);
    for (const app of apps) expect(await appsOnServer(app.id)).toBe(1);
    expect(await historyOnServer(apps[0]!.id)).toHaveLength(2);
    expect(await historyOnServer(apps[1]!.id)).toHaveLength(1);
    const changes = await count(
      harness,
      'SELECT count(*)::int AS n FROM changes WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
      [ids(apps.map((a) => a.id))],
    );
    expect(changes).toBe(4);
  });

  // A storage failure while the server applies a batch (nothing committed) is test/integration/server/batch-fault.test.ts.
  it('4. the server committed a batch but the desk got a 500 instead of its answer: the retry completes with duplicates', async () => {
    // A center of its own: the enrollment pulls no other test's applicant, so the first registration brings one.
    const desk = world.openDesk(undefined, { center: 'F4' });
    await desk.enroll();
    const apps = await desk.backlog(async () => {
      const registered = [await desk.register(), await desk.register(), await desk.register()];
      await desk.changeStatus(registered[2]!.id, 'sent_to_provider');
      return registered;
    });
    world.proxy.setMode({ kind: 'error500AfterUpstream', path: '/sync/push', times: 1 });
    expect(await desk.syncNow()).toMatchObject({ state: 'offline', pending: 5 });
    // The whole batch was committed in one transaction before the proxy replaced the answer.
    for (const app of apps) expect(await appsOnServer(app.id)).toBe(1);
    expect(await historyOnServer(apps[2]!.id)).toHaveLength(2);

    expect(await desk.syncNow()).toMatchObject({ state: 'online', pending: 0, deadLetters: 0, conflicts: 0 });
    const rows = outboxRows(desk);
    expect(rows.every((r) => r.status === 'acked')).toBe(true);
    expect(await loggedOnServer(rows.map((r) => r.mutation_id))).toBe(5);
    expect(
      await count(
        harness,
        'SELECT count(*)::int AS n FROM application_status_history WHERE application_id IN (SELECT jsonb_array_elements_text($1::jsonb))',
        [ids(apps.map((a) => a.id))],
      ),
    ).toBe(4);
    expect(rows.find((r) => r.kind === 'application.status')).toMatchObject({ server_version: 2 });
  });

  it('4b. a 500 before the server saw the batch, and a dropped connection: nothing applied, the retry delivers', async () => {
    // A center of its own: the enrollment pulls no other test's applicant, so the first registration brings one.
    const desk = world.openDesk(undefined, { center: 'F4B' });
    await desk.enroll();
    const app = await desk.backlog(() => desk.register());
    world.proxy.setMode({ kind: 'error500', path: '/sync/push', times: 1 });
    expect(await desk.syncNow()).toMatchObject({ state: 'offline', pending: 2 });
    expect(await appsOnServer(app.id)).toBe(0);
    world.proxy.setMode({ kind: 'drop', path: '/sync/push', times: 1 });
    expect(await desk.syncNow()).toMatchObject({ state: 'offline', pending: 2 });
    expect(await appsOnServer(app.id)).toBe(0);
    world.proxy.setMode({ kind: 'delay', ms: 50 });
    expect(await desk.syncNow()).toMatchObject({ state: 'online', pending: 0 });
    expect(await appsOnServer(app.id)).toBe(1);
  });

  it('5. one rejected mutation is dead-lettered alone: its aggregate waits, the rest of the queue drains, retry and discard work', async () => {
    const desk = world.openDesk();
    await desk.enroll();
    const before = await desk.register();
    expect(await desk.syncNow()).toMatchObject({ pending: 0 });
    await desk.close();

    // A mutation the server must refuse: a registration without its fields (written while the desk is closed).
    const badId = randomUUID();
    const laterId = randomUUID();
    const appId = randomUUID();
    const { actor, sessionId } = stampOf(desk);
    const insert = (db: Database.Database, id: string, prev: string | null, kind: string, payload: object) =>
      db
        .prepare(
          "INSERT INTO outbox (mutation_id, aggregate, prev_mutation_id, base_version, kind, payload, actor, session_id, status, created_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, 'pending', ?)",
        )
        .run(id, `application:${appId}`, prev, kind, JSON.stringify(payload), actor, sessionId, new Date().toISOString());
    writeDb(desk.dbFile, (db) => insert(db, badId, null, 'application.register', { id: appId }));

    const reopened = world.openDesk(desk.deskCode, { dataDir: desk.dataDir });
    const independent = await reopened.register();
    expect(await reopened.syncNow()).toMatchObject({ state: 'online', deadLetters: 1, pending: 0, conflicts: 0 });
    const dead = await value(reopened.api.call('sync.deadLetters', {}));
    expect(dead).toEqual([expect.objectContaining({ mutationId: badId, kind: 'application.register', status: 'dead' })]);
    expect(JSON.parse(dead[0]!.reason)).toMatchObject({ code: 'invalid_payload' });
    expect(await appsOnServer(independent.id)).toBe(1);
    expect(await appsOnServer(before.id)).toBe(1);
    expect(await appsOnServer(appId)).toBe(0);

    // A later mutation of the refused aggregate waits behind it (written through a second connection: WAL);
    // the rest of the queue keeps draining.
    writeDb(reopened.dbFile, (db) =>
      insert(db, laterId, badId, 'application.status', {
        id: appId,
        from: 'registered',
        to: 'sent_to_provider',
        reason: null,
        receivedBy: null,
        at: new Date().toISOString(),
      }),
    );
    const afterwards = await reopened.register();
    expect(await reopened.syncNow()).toMatchObject({ deadLetters: 1, pending: 1 });
    expect(outboxRows(reopened).find((r) => r.mutation_id === laterId)).toMatchObject({ status: 'pending' });
    expect(await loggedOnServer([laterId])).toBe(0);
    expect(await appsOnServer(afterwards.id)).toBe(1);

    // Retry sends it again under a new id (refused again: the payload is still bad); the waiting one goes too.
    await value(reopened.api.call('sync.retry', { mutationId: badId }));
    expect(await reopened.syncNow()).toMatchObject({ pending: 0 });
    const retried = outboxRows(reopened).filter(
      (r) => r.aggregate === `application:${appId}` && r.mutation_id !== badId && r.mutation_id !== laterId,
    );
    expect(retried).toHaveLength(1);
    expect(await loggedOnServer([retried[0]!.mutation_id, laterId])).toBe(2);
    expect(await appsOnServer(appId)).toBe(0);

    // Discarding what is still refused empties the list; nothing was applied for the bad aggregate.
    const left = await value(reopened.api.call('sync.deadLetters', {}));
    expect(left.length).toBeGreaterThan(0);
    for (const letter of left) await value(reopened.api.call('sync.discard', { mutationId: letter.mutationId, reason: 'test data' }));
    expect(await reopened.syncNow()).toMatchObject({ deadLetters: 0, pending: 0, conflicts: 0 });
    expect(await value(reopened.api.call('sync.deadLetters', {}))).toEqual([]);
    expect(await appsOnServer(appId)).toBe(0);
  });

  it('5c. a mutation the server cannot even read is refused on its own and set aside; the rest are delivered', async () => {
    const desk = world.openDesk();
    await desk.enroll();
    const apps = [await desk.register(), await desk.register()];
    await desk.close();
    // An aggregate longer than the protocol allows: the server refuses any batch carrying it.
    const unreadable = randomUUID();
    const { actor, sessionId } = stampOf(desk);
    writeDb(desk.dbFile, (db) =>
      db
        .prepare(
          "INSERT INTO outbox (mutation_id, aggregate, prev_mutation_id, base_version, kind, payload, actor, session_id, status, created_at) VALUES (?, ?, NULL, NULL, 'application.update', '{}', ?, ?, 'pending', ?)",
        )
        .run(unreadable, `application:${'x'.repeat(250)}`, actor, sessionId, new Date().toISOString()),
    );
    const reopened = world.openDesk(desk.deskCode, { dataDir: desk.dataDir });
    const more = await reopened.register();
    expect(await reopened.syncNow()).toMatchObject({ state: 'online', pending: 0, deadLetters: 1 });
    for (const app of [...apps, more]) expect(await appsOnServer(app.id)).toBe(1);
    const [letter] = await value(reopened.api.call('sync.deadLetters', {}));
    expect(letter).toMatchObject({ mutationId: unreadable, status: 'dead' });
    expect(JSON.parse(letter!.reason)).toMatchObject({ code: 'invalid_mutation', fieldErrors: [{ path: ['aggregate'] }] });
  });

  it('5b. a later mutation in the same batch as a refused one is judged on its own and has no effect', async () => {
    // The desk cannot hold back what it sends in the same batch as the refused mutation; the
    // server then decides the successor alone (its predecessor produced no version): here it
    // is refused too (no such application) — listed for the supervisor, never applied.
    const desk = world.openDesk();
    await desk.enroll();
    await desk.close();
    const appId = randomUUID();
    const [badId, laterId] = [randomUUID(), randomUUID()];
    const { actor, sessionId } = stampOf(desk);
    writeDb(desk.dbFile, (db) => {
      const insert = db.prepare(
        "INSERT INTO outbox (mutation_id, aggregate, prev_mutation_id, base_version, kind, payload, actor, session_id, status, created_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, 'pending', ?)",
      );
      const at = new Date().toISOString();
      insert.run(badId, `application:${appId}`, null, 'application.register', JSON.stringify({ id: appId }), actor, sessionId, at);
      insert.run(
        laterId,
        `application:${appId}`,
        badId,
        'application.status',
        JSON.stringify({ id: appId, from: 'registered', to: 'sent_to_provider', reason: null, receivedBy: null, at }),
        actor,
        sessionId,
        at,
      );
    });
    const reopened = world.openDesk(desk.deskCode, { dataDir: desk.dataDir });
    expect(await reopened.syncNow()).toMatchObject({ state: 'online', pending: 0, deadLetters: 2 });
    const dead = await value(reopened.api.call('sync.deadLetters', {}));
    expect(dead.map((d) => [d.mutationId, (JSON.parse(d.reason) as { code: string }).code])).toEqual([
      [badId, 'invalid_payload'],
      [laterId, 'not_found'],
    ]);
    expect(await appsOnServer(appId)).toBe(0);
    expect(await historyOnServer(appId)).toEqual([]);
  });

  it('7. a desk clock three days ahead: sync works, order is the server’s, the skew shows', async () => {
    const desk = world.openDesk(undefined, { now: () => new Date(Date.now() + 3 * DAY_MS) });
    await desk.enroll();
    const a = await desk.register();
    const b = await desk.register();
    await desk.changeStatus(a.id, 'sent_to_provider');
    const status = await desk.syncNow();
    expect(status).toMatchObject({ state: 'online', pending: 0, deadLetters: 0, conflicts: 0 });
    expect(status.clockOffsetMs).not.toBeNull();
    expect(Math.abs(status.clockOffsetMs! + 3 * DAY_MS)).toBeLessThan(60_000);

    const changes = await harness.storage.query<{ id: string; version: number }>(
      'SELECT id, version FROM changes WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY seq',
      [ids([a.id, b.id])],
    );
    expect(changes.map((c) => [c.id, c.version])).toEqual([
      [a.id, 1],
      [b.id, 1],
      [a.id, 2],
    ]);
  });

  it('9. a token revoked while offline: the queue pauses, nothing is lost, re-enrollment delivers everything', async () => {
    const desk = world.openDesk();
    await desk.enroll();
    const first = await desk.register();
    expect(await desk.syncNow()).toMatchObject({ pending: 0 });
    const deviceId = readDb(desk, (db) => db.prepare("SELECT value FROM sync_state WHERE key = 'device_id'").pluck().get()) as string;
    expect(await revokeDevice(harness.storage, deviceId)).toBe(true);

    const more = [await desk.register(), await desk.register()];
    await desk.changeStatus(first.id, 'sent_to_provider');
    const paused = await desk.syncNow();
    expect(paused).toMatchObject({ state: 'paused_auth', pending: 3, deadLetters: 0 });
    for (const app of more) expect(await appsOnServer(app.id)).toBe(0);

    expect(await desk.enroll()).toMatchObject({ state: 'online', pending: 0, deadLetters: 0, conflicts: 0 });
    for (const app of more) expect(await appsOnServer(app.id)).toBe(1);
    expect(await historyOnServer(first.id)).toHaveLength(2);
  });

  it('10. history pruned past the desk’s cursor: 410, the desk re-reads from 0 and its pending changes are delivered once', async () => {
    const a = world.openDesk();
    const b = world.openDesk();
    await a.enroll();
    await b.enroll();
    const own = await a.register();
    expect(await a.syncNow()).toMatchObject({ pending: 0 });
    const cursorBefore = pullCursor(a);
    expect(cursorBefore).toBeGreaterThan(0);

    const fromB = await b.register();
    expect(await b.syncNow()).toMatchObject({ pending: 0 });
    await b.changeStatus(fromB.id, 'sent_to_provider');
    expect(await b.syncNow()).toMatchObject({ pending: 0 });
    const [top] = await harness.storage.query<{ n: number | string }>('SELECT max(seq) AS n FROM changes');
    await pruneChanges(harness.storage, Number(top!.n) + 1);

    const pendingOne = await a.register();
    const before = world.proxy.log.length;
    expect(await a.syncNow()).toMatchObject({ state: 'online', pending: 0, deadLetters: 0 });
    const pulls = world.proxy.log.slice(before).filter((r) => r.path.startsWith('/sync/pull'));
    expect(pulls.map((r) => new URL(r.path, 'http://x').searchParams.get('cursor'))).toContain('0');
    expect(a.logger.entries.some((e) => e.message.startsWith('Pull cursor is not in'))).toBe(true);
    // History pruned is not a restore: nothing delivered is sent again.
    expect(a.logger.entries.some((e) => e.message.startsWith('Back office restored'))).toBe(false);
    expect(pullCursor(a)).toBeGreaterThan(cursorBefore);
    expect(await appsOnServer(pendingOne.id)).toBe(1);
    expect(await appsOnServer(own.id)).toBe(1);
    expect(await value(a.api.call('applications.get', { regNumber: fromB.regNumber }))).toMatchObject({
      id: fromB.id,
      status: 'sent_to_provider',
    });
  });

  it('10b. the server restored from an older backup (desk cursor ahead of it): 410, re-snapshot, nothing missed', async () => {
    const a = world.openDesk();
    await a.enroll();
    await a.register();
    expect(await a.syncNow()).toMatchObject({ pending: 0 });
    await a.close();
    // The desk had seen far more than the restored server now holds.
    writeDb(a.dbFile, (db) => db.prepare("UPDATE sync_state SET value = '999999' WHERE key = 'pull_cursor'").run());

    const b = world.openDesk();
    await b.enroll();
    const fromB = await b.register();
    expect(await b.syncNow()).toMatchObject({ pending: 0 });

    const reopened = world.openDesk(a.deskCode, { dataDir: a.dataDir });
    const mine = await reopened.register();
    expect(await reopened.syncNow()).toMatchObject({ state: 'online', pending: 0 });
    expect(pullCursor(reopened)).toBeLessThan(999_999);
    expect(await appsOnServer(mine.id)).toBe(1);
    expect(await value(reopened.api.call('applications.get', { regNumber: fromB.regNumber }))).toMatchObject({ id: fromB.id });
  });

  it('10c. the server restored from a backup older than changes it had acknowledged: the desk sends them again, nothing lost or doubled', async () => {
    const desk = world.openDesk();
    await desk.enroll();
    const kept = await desk.register();
    expect(await desk.syncNow()).toMatchObject({ pending: 0 });
    const backup = await backupPoint(harness.storage);
    await desk.changeStatus(kept.id, 'sent_to_provider');
    const lost = await desk.register();
    expect(await desk.syncNow()).toMatchObject({ pending: 0 });
    expect(pullCursor(desk)).toBeGreaterThan(backup.seq);

    await restoreTo(harness.storage, backup);
    expect(await appsOnServer(lost.id)).toBe(0);
    expect(await historyOnServer(kept.id)).toHaveLength(1);

    expect(await desk.syncNow()).toMatchObject({ state: 'online', pending: 0, deadLetters: 0, conflicts: 0 });
    expect(await appsOnServer(lost.id)).toBe(1);
    expect(await historyOnServer(lost.id)).toEqual([{ from_status: null, to_status: 'registered' }]);
    expect(await historyOnServer(kept.id)).toEqual([
      { from_status: null, to_status: 'registered' },
      { from_status: 'registered', to_status: 'sent_to_provider' },
    ]);
    expect(outboxRows(desk).every((r) => r.status === 'acked')).toBe(true);
    // The desk's records carry the versions the restored server gave them, the base of their next edit.
    const server = await harness.storage.query<{ id: string; version: number }>(
      'SELECT id, version FROM applications WHERE id IN ($1, $2) ORDER BY id',
      [kept.id, lost.id],
    );
    const local = readDb(desk, (db) =>
      db.prepare('SELECT id, server_version AS version FROM applications WHERE id IN (?, ?) ORDER BY id').all(kept.id, lost.id),
    );
    expect(local).toEqual(server.map((row) => ({ id: row.id, version: Number(row.version) })));
  });

  it('10d. the server restored, then written to by another desk past this desk’s cursor: the reused seq still shows the restore', async () => {
    const a = world.openDesk();
    await a.enroll();
    await a.register();
    expect(await a.syncNow()).toMatchObject({ pending: 0 });
    const backup = await backupPoint(harness.storage);
    const lost = await a.register();
    expect(await a.syncNow()).toMatchObject({ pending: 0 });
    await a.close();

    await restoreTo(harness.storage, backup);
    // Another desk commits first: the restored server hands out the seqs A had already seen.
    const c = world.openDesk();
    await c.enroll();
    const fromC = await c.register();
    expect(await c.syncNow()).toMatchObject({ pending: 0 });
    const [top] = await harness.storage.query<{ seq: number | string }>('SELECT max(seq) AS seq FROM changes');
    expect(Number(top?.seq)).toBeGreaterThanOrEqual(pullCursor(a));

    const reopened = world.openDesk(a.deskCode, { dataDir: a.dataDir });
    expect(await reopened.syncNow()).toMatchObject({ state: 'online', pending: 0, deadLetters: 0, conflicts: 0 });
    expect(await appsOnServer(lost.id)).toBe(1);
    expect(await value(reopened.api.call('applications.get', { id: fromC.id }))).toMatchObject({ regNumber: fromC.regNumber });
  });

  it('two desks of one center: the second sees the first’s application by number, then its new status', async () => {
    const { a, b, app } = await world.twoDesksWithApplication();
    expect(await value(b.api.call('sync.status', {}))).toMatchObject({ state: 'online', pending: 0 });
    const seen = await value(b.api.call('applications.get', { regNumber: app.regNumber }));
    expect(seen).toMatchObject({ id: app.id, status: 'registered', regNumber: app.regNumber });
    expect(seen.regNumber.startsWith(`${CENTER}-${a.deskCode}-`)).toBe(true);

    await a.changeStatus(app.id, 'sent_to_provider');
    expect(await a.syncNow()).toMatchObject({ pending: 0 });
    await b.syncNow();
    expect(await value(b.api.call('applications.get', { id: app.id }))).toMatchObject({ status: 'sent_to_provider' });
  });
});
