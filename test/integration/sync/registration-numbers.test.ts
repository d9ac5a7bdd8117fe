/**
 * Issue 10, "A real bug": a desk that syncs, restored from a backup by the README's steps, must
 * go on registering with numbers it never issued; the back office refuses a number used twice,
 * and the desk shows that refusal as a dead letter. Real desks, real back office, real backups.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ISSUED_NUMBERS_FILE } from '../../../main/backend/applications/issued-numbers-file';
import { takeBackup } from '../../../main/backend/db/backup';
import { restoreBackup } from '../../helpers/restore-backup';
import { useTempDirs } from '../../helpers/temp-dir';
import { STORAGES, useServer } from '../server/harness';
import { CENTER, outboxRows, useSyncWorld, value } from './desk-harness';
import type { TestDesk } from './desk-harness';

const suffix = (regNumber: string) => regNumber.slice(regNumber.lastIndexOf('-') + 1);

describe.each(STORAGES)('registration numbers of a restored desk on %s', (kind) => {
  const harness = useServer(kind);
  const world = useSyncWorld(harness);
  const tempDir = useTempDirs();
  let deskSeq = 0;

  /**
   * An enrolled desk that registered 3 applications, was backed up, registered 2 more (0004,
   * 0005), synced everything and was closed, then restored from that backup by the README's
   * steps: the back office holds 0004 and 0005, the restored database does not.
   */
  async function restoredDesk(): Promise<{ dataDir: string; deskCode: string; backup: string }> {
    const deskCode = `R${kind === 'pglite' ? 'L' : 'P'}${deskSeq++}`;
    const desk = world.openDesk(deskCode);
    await desk.enroll();
    for (let i = 0; i < 3; i += 1) await desk.register();
    await desk.syncNow();
    const side = new Database(desk.dbFile);
    const backup = await takeBackup(side, join(desk.dataDir, 'backups'));
    side.close();
    expect([suffix((await desk.register()).regNumber), suffix((await desk.register()).regNumber)]).toEqual(['0004', '0005']);
    await desk.syncNow();
    expect(outboxRows(desk).every((row) => row.status === 'acked')).toBe(true);
    await desk.close();
    restoreBackup(desk.dataDir, backup.file, tempDir());
    return { dataDir: desk.dataDir, deskCode, backup: backup.file };
  }

  const serverNumbers = async (deskCode: string) =>
    (
      await harness.storage.query<{ n: string }>(
        "SELECT data->>'regNumber' AS n FROM applications WHERE center_code = $1 AND data->>'deskCode' = $2 ORDER BY 1",
        [CENTER, deskCode],
      )
    ).map((row) => suffix(row.n));

  const registerAndSync = async (desk: TestDesk) => {
    const app = await desk.register();
    await desk.syncNow();
    return app;
  };

  it('restored by the README: it pulls its later applications back and goes on registering after them', async () => {
    const { dataDir, deskCode } = await restoredDesk();
    const desk = world.openDesk(deskCode, { dataDir });
    await desk.syncNow();
    expect(suffix((await registerAndSync(desk)).regNumber)).toBe('0006');
    expect(await value(desk.api.call('sync.deadLetters', {}))).toEqual([]);
    expect(await serverNumbers(deskCode)).toEqual(['0001', '0002', '0003', '0004', '0005', '0006']);
  });

  it('restored and registering before it could sync: the issued-numbers file beside the database keeps it from 0004', async () => {
    const { dataDir, deskCode } = await restoredDesk();
    world.proxy.setMode('drop');
    const desk = world.openDesk(deskCode, { dataDir });
    expect(suffix((await desk.register()).regNumber)).toBe('0006');
    world.proxy.setMode('pass');
    await desk.syncNow();
    expect(await value(desk.api.call('sync.deadLetters', {}))).toEqual([]);
    expect(await serverNumbers(deskCode)).toEqual(['0001', '0002', '0003', '0004', '0005', '0006']);
  });

  it('the issued-numbers file lost too and offline: the back office refuses the repeated number, a dead letter; the desk goes on', async () => {
    const { dataDir, deskCode } = await restoredDesk();
    rmSync(join(dataDir, ISSUED_NUMBERS_FILE));
    world.proxy.setMode('drop');
    const desk = world.openDesk(deskCode, { dataDir });
    const repeated = await desk.register();
    expect(suffix(repeated.regNumber)).toBe('0004');
    world.proxy.setMode('pass');
    await desk.syncNow();

    const letters = await value(desk.api.call('sync.deadLetters', {}));
    expect(letters).toEqual([
      expect.objectContaining({ aggregate: `application:${repeated.id}`, kind: 'application.register', status: 'dead' }),
    ]);
    expect(JSON.parse(letters[0]!.reason)).toMatchObject({ code: 'reg_number_taken' });
    // The pull went on: the back office's 0004 is here under its number, the refused one marked.
    const mine = await value(desk.api.call('applications.get', { id: repeated.id }));
    expect(mine.regNumber).toBe(`${repeated.regNumber}~${repeated.id}`);
    expect(suffix((await registerAndSync(desk)).regNumber)).toBe('0006');
    expect(await serverNumbers(deskCode)).toEqual(['0001', '0002', '0003', '0004', '0005', '0006']);
  });
});
