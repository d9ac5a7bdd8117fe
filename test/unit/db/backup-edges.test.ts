/**
 * Backups (main/backend/db/backup.ts) at their edges, beside test/unit/durability/backup.test.ts: what
 * counts as a backup in the folder, the check of a file that is not there, the copy's journal mode,
 * the bounds of `keep`, the time a backup is named after, and a schedule set up with its defaults.
 */
import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { listBackups, quickCheckFile, scheduleDailyBackups, takeBackup } from '../../../main/backend/db/backup';
import { openTestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const T0 = new Date('2026-11-27T09:30:00Z');

function deskDb() {
  const desk = openTestDesk(tempDir());
  return desk.db;
}

describe('the backups folder', () => {
  it('lists only finished backups: other files and half-written copies are not backups', async () => {
    const db = deskDb();
    const dir = join(tempDir(), 'backups');
    const backup = await takeBackup(db, dir, 7, T0);
    writeFileSync(join(dir, 'README.txt'), 'IT notes');
    writeFileSync(join(dir, 'vikno-20261128-093000.db.partial-0a1b2c'), 'half a database');
    writeFileSync(join(dir, 'vikno-2026112-093000.db'), 'a name one digit short');
    expect(listBackups(dir)).toEqual([backup]);
    db.close();
  });

  it('a backups path that is not a folder is an error, not an empty list', () => {
    const notADir = join(tempDir(), 'file');
    writeFileSync(notADir, '');
    expect(() => listBackups(notADir)).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('checking a backup file that is not there fails and creates nothing', () => {
    const missing = join(tempDir(), 'vikno-20261127-093000.db');
    expect(() => quickCheckFile(missing)).toThrow();
    expect(existsSync(missing)).toBe(false);
  });
});

describe('takeBackup', () => {
  it('writes a copy in rollback-journal mode: one file IT can copy back alone', async () => {
    const db = deskDb();
    const backup = await takeBackup(db, join(tempDir(), 'backups'), 7, T0);
    const copy = new Database(backup.file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    db.close();
  });

  it('keeps one when told to keep one, and refuses fewer or a fraction, saying what it got', async () => {
    const db = deskDb();
    const dir = join(tempDir(), 'backups');
    await takeBackup(db, dir, 1, T0);
    const second = await takeBackup(db, dir, 1, new Date(T0.getTime() + 1000));
    expect(listBackups(dir)).toEqual([second]);
    await expect(takeBackup(db, dir, 0, T0)).rejects.toThrow(new RangeError('keep must be a whole number of at least 1, got 0'));
    await expect(takeBackup(db, dir, 1.5, T0)).rejects.toThrow(RangeError);
    db.close();
  });

  it('names the backup after the second it was taken and says so, without the milliseconds', async () => {
    const db = deskDb();
    const backup = await takeBackup(db, join(tempDir(), 'backups'), 7, new Date('2026-11-27T09:30:00.789Z'));
    expect(backup.takenAt).toBe('2026-11-27T09:30:00.000Z');
    db.close();
  });
});

describe('scheduleDailyBackups with its defaults', () => {
  it('reads the real clock and needs no onBackup: after a recent backup it waits, then backs up', async () => {
    const db = deskDb();
    const dir = join(tempDir(), 'backups');
    await takeBackup(db, dir, 7, new Date());
    const errors: unknown[] = [];
    // An interval of 50 ms: the newest backup is recent, so the next one is due within it.
    const stop = scheduleDailyBackups(db, { backupsDir: dir, intervalMs: 50, onError: (e) => errors.push(e) });
    await vi.waitFor(() => expect(listBackups(dir).length).toBeGreaterThan(1), { timeout: 5000 });
    await stop();
    expect(errors).toEqual([]);
    db.close();
  });
});
