/**
 * The sync methods of the contract as the backend wires them (main/backend/sync/handlers.ts), over a
 * real desk database and the real sync service; the back office, where one is needed, is an /enroll
 * route answered in the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskConfig } from '../../../main/backend/config/desk-config';
import type { CallContext } from '../../../main/backend/dispatch';
import { syncHandlers } from '../../../main/backend/sync/handlers';
import { recordResults } from '../../../main/backend/sync/outbox-queue';
import { createSyncService } from '../../../main/backend/sync/sync-service';
import type { SyncStatus } from '../../../main/backend/sync/sync-service';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { deskPublicKey } from '../../../main/backend/auth/desk-key';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function deskWithHandlers(backOfficeUrl: string | null = null) {
  const desk = openTestDesk(tempDir());
  const deskConfig: DeskConfig = { ...desk.env.desk, backOfficeUrl };
  const statuses: SyncStatus[] = [];
  const enrollBodies: unknown[] = [];
  const sync = createSyncService({
    db: desk.db,
    dataDir: tempDir(),
    desk: deskConfig,
    logger: memoryLogger(),
    now: desk.env.now,
    actor: () => desk.env.clerkId,
    onStatus: (status) => statuses.push(status),
    // Only /enroll is reached in these tests: it names another desk, so nothing is stored or synced after it.
    fetch: (_input, init) => {
      enrollBodies.push(JSON.parse(String(init?.body)));
      return Promise.resolve(
        Response.json({ deviceId: 'device-9', deviceToken: 'token-9', centerCode: 'LV02', deskCode: '01' }, { status: 200 }),
      );
    },
  });
  cleanups.push(async () => {
    await sync.stop();
    desk.db.close();
  });
  const handlers = syncHandlers({ db: desk.db, desk: deskConfig, now: desk.env.now, sync });
  const supervisor: CallContext = { session: { clerkId: desk.env.clerkId, roles: ['supervisor'] } };
  return { desk, handlers, supervisor, statuses, enrollBodies };
}

/** Refuses the desk's one queued change as the back office would, and returns its id. */
function refuseQueued(desk: ReturnType<typeof openTestDesk>): string {
  const id = desk.db.prepare("SELECT mutation_id FROM outbox WHERE status = 'pending'").pluck().get() as string;
  recordResults(
    desk.db,
    [{ mutationId: id, status: 'rejected', code: 'invalid', message: 'refused', fieldErrors: [] }],
    new Date(),
    () => 0,
  );
  return id;
}

describe('the sync methods', () => {
  it('list what waits, and after a refusal the dead letter; a discard tells the status bar at once', async () => {
    const { desk, handlers, supervisor, statuses } = deskWithHandlers();
    addApplicant(desk.env);
    expect(await handlers['sync.pendingList']({}, supervisor)).toMatchObject([{ kind: 'applicant.create', status: 'pending' }]);

    const refused = refuseQueued(desk);
    expect(await handlers['sync.pendingList']({}, supervisor)).toEqual([]);
    expect(await handlers['sync.deadLetters']({}, supervisor)).toMatchObject([{ mutationId: refused, status: 'dead' }]);
    expect(await handlers['sync.status']({}, supervisor)).toMatchObject({ state: 'standalone', deadLetters: 1 });

    expect(await handlers['sync.discard']({ mutationId: refused, reason: 'Дубль' }, supervisor)).toBeNull();
    expect(await handlers['sync.deadLetters']({}, supervisor)).toEqual([]);
    expect(statuses.at(-1)).toMatchObject({ state: 'standalone', deadLetters: 0 });
    expect(await handlers['sync.now']({}, supervisor)).toMatchObject({ state: 'standalone', deadLetters: 0 });
  });

  it('retry queues the refused change again under a new id', async () => {
    const { desk, handlers, supervisor } = deskWithHandlers();
    addApplicant(desk.env);
    const refused = refuseQueued(desk);

    expect(await handlers['sync.retry']({ mutationId: refused }, supervisor)).toBeNull();
    const pending = await handlers['sync.pendingList']({}, supervisor);
    expect(pending).toMatchObject([{ kind: 'applicant.create', status: 'pending' }]);
    expect(pending[0]?.mutationId).not.toBe(refused);
  });

  it('enroll names the desk by its center and desk code unless a name is given', async () => {
    const { desk, handlers, supervisor, enrollBodies } = deskWithHandlers('http://back-office.test/');
    await expect(handlers['sync.enroll']({ code: 'ABCD-EFGH' }, supervisor)).rejects.toThrow(/this desk is KV01\/07/);
    await expect(handlers['sync.enroll']({ code: 'ABCD-EFGH', deviceName: 'Вікно 7' }, supervisor)).rejects.toThrow(/KV01\/07/);
    const publicKey = deskPublicKey(desk.db);
    expect(enrollBodies).toEqual([
      { code: 'ABCD-EFGH', deviceName: 'Vikno KV01/07', publicKey, centerCode: 'KV01', deskCode: '07' },
      { code: 'ABCD-EFGH', deviceName: 'Вікно 7', publicKey, centerCode: 'KV01', deskCode: '07' },
    ]);
  });
});
