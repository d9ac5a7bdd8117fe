/**
 * The device token at rest (docs/IT.md "The data folder"): real desks (createBackend on a temp data
 * folder, the browser host's key file) enrolled at the real back office. The token's bytes must be
 * nowhere in vikno.db, its -wal or a backup; an older desk's clear token is sealed at start; a lost
 * device key leaves a desk that asks to be enrolled again instead of one that does not start.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { KEY_FILE } from '../../../main/backend/config/device-key';
import { openSecret } from '../../../main/backend/config/secret-box';
import { listBackups, takeBackup } from '../../../main/backend/db/backup';
import { HEADER_ACTOR, HEADER_PROTOCOL, PROTOCOL_VERSION } from '../../../shared/sync-protocol';
import { useServer } from '../server/harness';
import { useSyncWorld, writeDb } from '../sync/desk-harness';
import type { TestDesk } from '../sync/desk-harness';
import { rawSyncState, storedDeviceToken } from '../../helpers/stored-token';

const harness = useServer('pglite');
const world = useSyncWorld(harness);

/** The files of a desk's database, and every backup, that hold `secret`'s bytes. */
function filesHolding(desk: Pick<TestDesk, 'dataDir'>, secret: string): string[] {
  const files = ['vikno.db', 'vikno.db-wal'].map((name) => join(desk.dataDir, name)).filter((file) => existsSync(file));
  files.push(...listBackups(join(desk.dataDir, 'backups')).map((b) => b.file));
  return files.filter((file) => readFileSync(file).includes(Buffer.from(secret, 'utf8')));
}

/** Whether the back office takes `token` as a device's (a HEAD of a file it does not hold: 404, not 401). */
async function backOfficeAccepts(token: string): Promise<boolean> {
  const response = await fetch(new URL(`/blobs/${'0'.repeat(64)}`, harness.url), {
    method: 'HEAD',
    headers: { authorization: `Bearer ${token}`, [HEADER_PROTOCOL]: String(PROTOCOL_VERSION), [HEADER_ACTOR]: 'test' },
  });
  return response.status !== 401;
}

/** A new backup of a closed desk's database, made as the daily backup makes it. */
async function backupNow(desk: TestDesk, at: Date): Promise<string> {
  const db = new Database(desk.dbFile, { fileMustExist: true });
  try {
    return (await takeBackup(db, join(desk.dataDir, 'backups'), 7, at)).file;
  } finally {
    db.close();
  }
}

async function enrolledDesk(): Promise<{ desk: TestDesk; token: string }> {
  const desk = world.openDesk('07');
  await desk.enroll();
  const token = storedDeviceToken(desk.dataDir);
  expect(await backOfficeAccepts(token)).toBe(true);
  return { desk, token };
}

describe('the device token at rest', () => {
  it('is stored sealed: its bytes are in neither vikno.db, its -wal, nor a backup, and the key file is owner-only', async () => {
    const { desk, token } = await enrolledDesk();
    expect(rawSyncState(desk.dbFile, 'device_token')).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
    expect(existsSync(join(desk.dataDir, 'vikno.db-wal'))).toBe(true);
    expect(filesHolding(desk, token)).toEqual([]);
    const keyFile = statSync(join(desk.dataDir, KEY_FILE));
    expect(keyFile.size).toBe(32);
    expect(keyFile.mode & 0o777).toBe(0o600);
    // The desk reads it back: it syncs.
    expect((await desk.syncNow()).state).toBe('online');
    await desk.close();
    const backup = await backupNow(desk, new Date('2030-01-01T00:00:00Z'));
    expect(readFileSync(backup).includes(Buffer.from(token))).toBe(false);
    expect(filesHolding(desk, token)).toEqual([]);
  });

  it('an older desk’s clear token, in its database and its backups, is sealed at start and still works', async () => {
    const { desk, token } = await enrolledDesk();
    const privateKey = storedKey(desk);
    await desk.close();
    // As an older desk kept them: in the clear, in the database and in the backup it took.
    writeDb(desk.dbFile, (db) => {
      db.prepare("UPDATE sync_state SET value = ? WHERE key = 'device_token'").run(token);
      db.prepare("UPDATE sync_state SET value = ? WHERE key = 'desk_private_key'").run(privateKey);
      // Its table grew over pages and shrank again: copies of those pages, token included, stay in freed pages.
      const grow = db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?)');
      for (let i = 0; i < 200; i += 1) grow.run(`filler-${i}`, 'x'.repeat(400));
      db.prepare("DELETE FROM sync_state WHERE key LIKE 'filler-%'").run();
    });
    const oldBackup = await backupNow(desk, new Date('2030-01-01T00:00:00Z'));
    expect(filesHolding(desk, token)).toEqual([desk.dbFile, oldBackup]);

    const again = world.openDesk('07', { dataDir: desk.dataDir });
    expect(filesHolding(again, token)).toEqual([]);
    expect(filesHolding(again, privateKey)).toEqual([]);
    expect(rawSyncState(again.dbFile, 'device_token')).toMatch(/^v1:/);
    expect(rawSyncState(oldBackup, 'device_token')).toMatch(/^v1:/);
    expect(again.logger.entries.map((e) => e.message)).toEqual(
      expect.arrayContaining(['Sealed the secrets this desk kept in the clear', 'Sealed the secrets older backups kept in the clear']),
    );
    expect(storedDeviceToken(again.dataDir)).toBe(token);
    expect((await again.syncNow()).state).toBe('online');
  });

  it.each([
    ['missing', (file: string) => rmSync(file)],
    ['another desk’s', (file: string) => writeFileSync(file, randomBytes(32))],
    ['damaged', (file: string) => writeFileSync(file, 'not a key')],
  ])('with the device key %s, the desk starts, says it must be enrolled again, and can be', async (_, spoil) => {
    const { desk } = await enrolledDesk();
    await desk.close();
    spoil(join(desk.dataDir, KEY_FILE));

    const again = world.openDesk('07', { dataDir: desk.dataDir });
    expect((await again.syncNow()).state).toBe('not_enrolled');
    expect(again.logger.entries).toContainEqual(
      expect.objectContaining({ level: 'error', message: expect.stringContaining('enroll this desk again') as string }),
    );
    expect(statSync(join(desk.dataDir, KEY_FILE)).size).toBe(32);
    await again.enroll();
    expect((await again.syncNow()).state).toBe('online');
  });
});

/** The desk's Ed25519 private key as the desk uses it (PKCS8 DER, base64), opened like the token. */
function storedKey(desk: TestDesk): string {
  const sealed = rawSyncState(desk.dbFile, 'desk_private_key');
  expect(sealed).toMatch(/^v1:/);
  return openSecret(readFileSync(join(desk.dataDir, KEY_FILE)), sealed ?? '');
}
