/**
 * End to end, more scenarios: concurrent edits at two desks (merge and conflict), a scan the
 * engine uploads by itself before its attach. (Scenario 11, the seeded convergence run, is
 * convergence.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { putBlob } from '../../../main/backend/blobs/blob-store';
import { openDatabase } from '../../../main/backend/db/open';
import { attachDocument } from '../../../main/backend/documents/attach-document';
import { DEFAULT_DESK } from '../../../main/backend/config/desk-config';
import type { Application } from '../../../shared/domain/application';
import { HEADER_ACTOR, HEADER_PROTOCOL, PROTOCOL_VERSION } from '../../../shared/sync-protocol';
import { actAsProvider, STORAGES, useServer } from '../server/harness';
import { MiB, randomBytes } from '../files/upload-helpers';
import { CENTER, count, outboxRows, readDb, stampOf, useSyncWorld, value, writeDb } from './desk-harness';
import type { TestDesk } from './desk-harness';
import { storedDeviceToken } from '../../helpers/stored-token';

describe.each(STORAGES)('desks ↔ back office, more scenarios on %s', (kind) => {
  const harness = useServer(kind);
  const world = useSyncWorld(harness);

  const serverApp = async (id: string) => {
    const [row] = await harness.storage.query<{
      version: number;
      data: { status: string; notes: string | null; resultDelivery: string; documents?: Array<{ id: string; blobSha256: string }> };
    }>('SELECT version, data FROM applications WHERE id = $1', [id]);
    return row;
  };
  const get = (desk: TestDesk, id: string) => value(desk.api.call('applications.get', { id }));

  it('6. two desks edit one application offline: different fields merge, the same field conflicts and nothing is overwritten', async () => {
    const { a, b, app } = await world.twoDesksWithApplication();
    expect(await get(b, app.id)).toMatchObject({ id: app.id, serverVersion: 1, sync: 'synced' });

    // Different fields, offline at both desks (a saved change kicks a sync at once: the network is down).
    world.proxy.setMode('drop');
    await value(a.api.call('applications.update', { id: app.id, notes: 'Від вікна A' }));
    await value(b.api.call('applications.update', { id: app.id, resultDelivery: 'post' }));
    expect(await a.syncNow()).toMatchObject({ state: 'offline', pending: 1 });
    expect(await b.syncNow()).toMatchObject({ state: 'offline', pending: 1 });
    world.proxy.setMode('pass');
    expect(await a.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
    expect(await b.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
    await a.syncNow();
    await b.syncNow();
    for (const desk of [a, b])
      expect(await get(desk, app.id)).toMatchObject({ notes: 'Від вікна A', resultDelivery: 'post', sync: 'synced' });
    expect(await serverApp(app.id)).toMatchObject({ version: 3, data: { notes: 'Від вікна A', resultDelivery: 'post' } });

    // The same field, offline at both desks: the second to reach the server conflicts. (A desk's
    // backoff timer may fire the moment the network is back, so which one is second is not fixed.)
    world.proxy.setMode('drop');
    await value(a.api.call('applications.update', { id: app.id, notes: 'A: паспорт готовий' }));
    await value(b.api.call('applications.update', { id: app.id, notes: 'B: зателефонувати' }));
    await a.syncNow();
    await b.syncNow();
    world.proxy.setMode('pass');
    const [fromA, fromB] = [await a.syncNow(), await b.syncNow()];
    expect(fromA.conflicts + fromB.conflicts).toBe(1);
    const [winner, loser, winning, losing] =
      fromA.conflicts === 0 ? [a, b, 'A: паспорт готовий', 'B: зателефонувати'] : [b, a, 'B: зателефонувати', 'A: паспорт готовий'];
    const letters = await value(loser.api.call('sync.deadLetters', {}));
    expect(letters).toEqual([
      expect.objectContaining({ kind: 'application.update', status: 'conflict', aggregate: `application:${app.id}` }),
    ]);
    expect(letters[0]!.payload).toMatchObject({ notes: losing });
    expect(await value(winner.api.call('sync.deadLetters', {}))).toEqual([]);
    // The refused edit stays listed; the record itself shows the server's state (it will never come back merged).
    expect(await get(loser, app.id)).toMatchObject({ notes: winning, resultDelivery: 'post', sync: 'attention' });
    expect(await serverApp(app.id)).toMatchObject({ version: 4, data: { notes: winning, resultDelivery: 'post' } });
    await winner.syncNow();
    expect(await get(winner, app.id)).toMatchObject({ notes: winning, sync: 'synced' });

    const audited = (desk: TestDesk) =>
      readDb(
        desk,
        (db) =>
          db
            .prepare("SELECT count(*) FROM audit_events WHERE action = 'application.update' AND entity_id = ?")
            .pluck()
            .get(app.id) as number,
      );
    expect(audited(a)).toBe(2);
    expect(audited(b)).toBe(2);

    // The supervisor at the losing desk decides its edit should stand: retried on top of the current state, it applies.
    await value(loser.api.call('sync.retry', { mutationId: letters[0]!.mutationId }));
    expect(await loser.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
    expect(await serverApp(app.id)).toMatchObject({ version: 5, data: { notes: losing, resultDelivery: 'post' } });
    await loser.syncNow();
    await winner.syncNow();
    for (const desk of [a, b]) expect(await get(desk, app.id)).toMatchObject({ notes: losing, sync: 'synced' });
  });

  /**
   * Two desks with one application; B makes its change offline and closes (no backoff timer left
   * to race A), then A makes its change and syncs. B is reopened: its change will conflict.
   */
  async function clash(
    atB: (desk: TestDesk, app: Application) => Promise<unknown>,
    atA: (desk: TestDesk, app: Application) => Promise<unknown>,
  ) {
    const { a, b, app } = await world.twoDesksWithApplication();
    world.proxy.setMode('drop');
    await atB(b, app);
    await b.close();
    world.proxy.setMode('pass');
    await atA(a, app);
    expect(await a.syncNow()).toMatchObject({ pending: 0, conflicts: 0 });
    return { a, app, reopen: () => world.openDesk(b.deskCode, { dataDir: b.dataDir }), bFile: b.dbFile };
  }
  const notes = (text: string) => (desk: TestDesk, app: Application) =>
    value(desk.api.call('applications.update', { id: app.id, notes: text }));

  it('6b. two desks move one application’s status offline: the second conflicts, and its retry moves on from the status the desk now knows', async () => {
    const { a, app, reopen } = await clash(
      (desk, application) =>
        desk.changeStatus(application.id, 'withdrawn', {
          reason: 'Заявник відкликав заяву',
          withdrawal: { requestNumber: '14', requestDate: '2026-11-27' },
        }),
      (desk, application) => desk.changeStatus(application.id, 'sent_to_provider'),
    );
    const b = reopen();
    expect(await b.syncNow()).toMatchObject({ pending: 0, conflicts: 1 });
    expect(await get(b, app.id)).toMatchObject({ status: 'sent_to_provider', sync: 'attention' });
    // The application moves on at the provider and B pulls it: the conflict's note is now older than B's copy.
    const card = await value(a.api.call('catalog.get', { id: app.service.id }));
    const provider = await actAsProvider(harness, { ...card, provider: { ...card.provider, edrpou: '32855961' } });
    await provider(app.id, 'sent_to_provider', 'in_progress');
    await b.syncNow();
    expect(await get(b, app.id)).toMatchObject({ status: 'in_progress', serverVersion: 3 });

    const [letter] = await value(b.api.call('sync.deadLetters', {}));
    await value(b.api.call('sync.retry', { mutationId: letter!.mutationId }));
    expect(await b.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
    expect(await serverApp(app.id)).toMatchObject({ version: 4, data: { status: 'withdrawn' } });
    const history = await harness.storage.query<{ from_status: string | null; to_status: string }>(
      'SELECT from_status, to_status FROM application_status_history WHERE application_id = $1 ORDER BY id',
      [app.id],
    );
    expect(history).toEqual([
      { from_status: null, to_status: 'registered' },
      { from_status: 'registered', to_status: 'sent_to_provider' },
      { from_status: 'sent_to_provider', to_status: 'in_progress' },
      { from_status: 'in_progress', to_status: 'withdrawn' },
    ]);
    await b.syncNow();
    expect(await get(b, app.id)).toMatchObject({ status: 'withdrawn', sync: 'synced' });
  });

  it('6c. an edit made behind a conflict is delivered once the supervisor discards the conflict', async () => {
    const { app, reopen } = await clash(notes('B: зателефонувати'), notes('A: паспорт готовий'));
    const reopened = reopen();
    expect(await reopened.syncNow()).toMatchObject({ conflicts: 1, pending: 0 });
    // The clerk goes on editing the application: the new edit waits behind the conflict.
    await value(reopened.api.call('applications.update', { id: app.id, resultDelivery: 'post' }));
    expect(await reopened.syncNow()).toMatchObject({ conflicts: 1, pending: 1 });
    const [letter] = await value(reopened.api.call('sync.deadLetters', {}));
    await value(reopened.api.call('sync.discard', { mutationId: letter!.mutationId, reason: 'Нотатка вікна A залишається' }));
    expect(await reopened.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
    expect(await serverApp(app.id)).toMatchObject({ data: { notes: 'A: паспорт готовий', resultDelivery: 'post' } });
  });

  it('6d. a change that conflicts after the server’s version was pulled past it: the record shows the server’s state at once, and retry wins', async () => {
    const { app, reopen, bFile } = await clash(notes('B: зателефонувати'), notes('A: паспорт готовий'));

    // B's edit waits for its retry time while B pulls A's: the pull leaves B's record alone (ours on top).
    const later = new Date(Date.now() + 3_600_000).toISOString();
    writeDb(bFile, (db) => db.prepare("UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending'").run(later));
    const reopened = reopen();
    expect(await reopened.syncNow()).toMatchObject({ pending: 1, conflicts: 0 });
    expect(await get(reopened, app.id)).toMatchObject({ notes: 'B: зателефонувати' });

    writeDb(reopened.dbFile, (db) => db.prepare("UPDATE outbox SET next_attempt_at = NULL WHERE status = 'pending'").run());
    expect(await reopened.syncNow()).toMatchObject({ pending: 0, conflicts: 1 });
    expect(await get(reopened, app.id)).toMatchObject({ notes: 'A: паспорт готовий', serverVersion: 2, sync: 'attention' });

    const [letter] = await value(reopened.api.call('sync.deadLetters', {}));
    await value(reopened.api.call('sync.retry', { mutationId: letter!.mutationId }));
    expect(await reopened.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
    expect(await serverApp(app.id)).toMatchObject({ version: 3, data: { notes: 'B: зателефонувати' } });
  });

  async function attachScan(
    desk: TestDesk,
    app: Application,
    seed: number,
  ): Promise<{ desk: TestDesk; sha256: string; documentId: string }> {
    await desk.close();
    const blob = await putBlob(desk.dataDir, randomBytes(5 * MiB, seed));
    const { actor, sessionId } = stampOf(desk);
    const db = openDatabase(desk.dbFile);
    let documentId: string;
    try {
      documentId = attachDocument(
        {
          db,
          clerkId: actor,
          sessionId,
          roles: ['clerk'],
          now: () => new Date(),
          desk: { ...DEFAULT_DESK, center: { code: CENTER, name: 'ЦНАП Київ' }, desk: { code: desk.deskCode, window: desk.deskCode } },
        },
        { applicationId: app.id, kind: 'passport', pages: 2, blob: { ...blob, mime: 'application/pdf' } },
      );
    } finally {
      db.close();
    }
    return { desk: world.openDesk(desk.deskCode, { dataDir: desk.dataDir }), sha256: blob.sha256, documentId };
  }

  /** sync.now until the attach is acked, waiting (bounded, awaited) for the background upload. */
  async function syncUntilAttached(desk: TestDesk): Promise<void> {
    const attach = () => outboxRows(desk).find((r) => r.kind === 'document.attach');
    for (let i = 0; i < 10 && attach()?.status !== 'acked'; i++) {
      await desk.syncNow();
      for (let j = 0; j < 200 && (await value(desk.api.call('sync.status', {}))).filesLeft > 0; j++)
        await new Promise<void>((r) => setImmediate(r));
    }
    expect(attach()).toMatchObject({ status: 'acked' });
  }

  async function checkStoredBefore(desk: TestDesk, app: Application, sha256: string, documentId: string): Promise<void> {
    expect(await count(harness, 'SELECT count(*)::int AS n FROM blobs WHERE sha256 = $1', [sha256])).toBe(1);
    const token = storedDeviceToken(desk.dataDir);
    const head = await fetch(new URL(`/blobs/${sha256}`, world.proxy.url), {
      method: 'HEAD',
      headers: { authorization: `Bearer ${token}`, [HEADER_PROTOCOL]: String(PROTOCOL_VERSION), [HEADER_ACTOR]: 'test' },
    });
    expect(head.status).toBe(200);
    // The attach was applied after the file was stored: the blob's row predates the attach's log entry.
    const attachId = outboxRows(desk).find((r) => r.kind === 'document.attach')!.mutation_id;
    const [order] = await harness.storage.query<{ ok: boolean }>(
      'SELECT (SELECT stored_at FROM blobs WHERE sha256 = $1) <= (SELECT applied_at FROM mutation_log WHERE mutation_id = $2) AS ok',
      [sha256, attachId],
    );
    expect(order?.ok).toBe(true);
    expect((await serverApp(app.id))?.data.documents).toEqual([expect.objectContaining({ id: documentId, blobSha256: sha256 })]);
  }

  it('8. the engine uploads a 5 MB scan by itself, then delivers its attach', async () => {
    const first = world.openDesk();
    await first.enroll();
    const app = await first.register();
    expect(await first.syncNow()).toMatchObject({ pending: 0 });
    const { desk, sha256, documentId } = await attachScan(first, app, 81);
    expect(outboxRows(desk).find((r) => r.kind === 'document.attach')).toMatchObject({ status: 'blocked_on_blob' });
    await syncUntilAttached(desk);
    await checkStoredBefore(desk, app, sha256, documentId);
    expect(await value(desk.api.call('sync.status', {}))).toMatchObject({ pending: 0, filesLeft: 0, bytesLeft: 0, deadLetters: 0 });
  });

  it('8b. one upload request dropped by the network: the scan and its attach still arrive', async () => {
    const first = world.openDesk();
    await first.enroll();
    const app = await first.register();
    expect(await first.syncNow()).toMatchObject({ pending: 0 });
    const { desk, sha256, documentId } = await attachScan(first, app, 82);
    world.proxy.setMode({ kind: 'drop', times: 1, path: '/blobs' });
    await syncUntilAttached(desk);
    expect(world.proxy.log.some((r) => r.path.startsWith('/blobs') && r.fault === 'drop')).toBe(true);
    await checkStoredBefore(desk, app, sha256, documentId);
  });
});
