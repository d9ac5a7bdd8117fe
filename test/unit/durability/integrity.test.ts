import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { listBackups, takeBackup } from '../../../main/backend/db/backup';
import { openDatabase } from '../../../main/backend/db/open';
import { storageStatus } from '../../../main/backend/storage/storage-status';
import { AppError } from '../../../shared/errors';
import { registration } from '../../fixtures/crash/registration';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import { garblePages, PAGE } from '../../helpers/damage';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const T0 = new Date('2026-11-27T09:30:00Z');

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A closed desk database with `rows` registrations, and `backups` good backups of it in `<dir>/backups`. */
async function deskFile(rows: number, backups: number): Promise<{ dir: string; file: string; backupsDir: string }> {
  const dir = tempDir();
  const { db, env, file } = openTestDesk(dir);
  const applicant = addApplicant(env);
  const backupsDir = join(dir, 'backups');
  for (let i = 0; i < rows; i += 1) registerApplication(env, registration(applicant.id, 5));
  for (let day = 0; day < backups; day += 1) await takeBackup(db, backupsDir, 7, new Date(T0.getTime() + day * 86_400_000));
  db.close();
  return { dir, file, backupsDir };
}

function refusal(open: () => unknown): AppError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  return expect.fail('the damaged database was opened');
}

describe('the start-up integrity check', () => {
  it('refuses a database with damaged pages, names the newest good backup and how to restore it, and leaves the file as it was', async () => {
    const { file, backupsDir } = await deskFile(40, 2);
    expect(statSync(file).size / PAGE).toBeGreaterThan(20);
    garblePages(file, 3, 5);
    const before = sha256(file);
    const error = refusal(() => openDatabase(file));
    expect(error.code).toBe('STORAGE');
    const newest = join(backupsDir, 'vikno-20261128-093000.db');
    expect(error.message).toContain(`The database ${file} is damaged`);
    expect(error.message).toContain(`The newest good backup is ${newest}.`);
    expect(error.message).toContain(`close Vikno, move ${file}`);
    expect(error.message).toContain(`copy ${newest} to ${file}`);
    expect(sha256(file)).toBe(before);
    expect(listBackups(backupsDir)).toHaveLength(2);
    // Trying again changes nothing either: it is never "repaired" or replaced behind IT's back.
    expect(refusal(() => openDatabase(file)).message).toBe(error.message);
    expect(sha256(file)).toBe(before);
  });

  it('reports what quick_check found when the damage is in an index page of a start-checked table', async () => {
    const { file } = await deskFile(40, 1);
    const probe = new Database(file, { readonly: true });
    const root = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_clerks_1'").pluck().get() as number;
    probe.close();
    garblePages(file, root, root);
    const before = sha256(file);
    const error = refusal(() => openDatabase(file));
    expect(error.message).toContain(
      `is damaged (Tree ${root} page ${root}: btreeInitPage() returns error code 11; wrong # of entries in index sqlite_autoindex_clerks_1)`,
    );
    expect(sha256(file)).toBe(before);
  });

  it('refuses a file that is not SQLite at all, naming the backup, without touching it', async () => {
    const { file, backupsDir } = await deskFile(3, 1);
    writeFileSync(file, randomBytes(PAGE * 8));
    const before = sha256(file);
    const error = refusal(() => openDatabase(file));
    expect(error.code).toBe('STORAGE');
    expect(error.message).toMatch(/is damaged \(.*SQLITE_NOTADB\)/);
    expect(error.message).toContain(`The newest good backup is ${join(backupsDir, 'vikno-20261127-093000.db')}.`);
    expect(sha256(file)).toBe(before);
  });

  it('says so when there is no good backup, and looks where it is told to', async () => {
    const { dir, file, backupsDir } = await deskFile(40, 1);
    garblePages(file, 3, 5);
    const elsewhere = join(dir, 'elsewhere');
    expect(refusal(() => openDatabase(file, { backupsDir: elsewhere })).message).toContain(
      `There is no good backup in ${elsewhere}. Do not delete the damaged file`,
    );
    // A backup that is itself damaged does not count as one.
    writeFileSync(join(backupsDir, 'vikno-20261130-093000.db'), 'garbage');
    copyFileSync(file, join(backupsDir, 'vikno-20261201-093000.db'));
    garblePages(join(backupsDir, 'vikno-20261127-093000.db'), 2, 2);
    expect(refusal(() => openDatabase(file)).message).toContain(`There is no good backup in ${backupsDir}.`);
  });
});

describe('storageStatus', () => {
  it('reports sizes, backups and the quick_check made at start without running it again', async () => {
    const { file, backupsDir } = await deskFile(5, 0);
    const db = openDatabase(file);
    try {
      const empty = storageStatus(db, file, backupsDir, { state: 'pending' });
      expect(empty).toEqual({
        databaseBytes: statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0),
        lastBackupAt: null,
        backups: 0,
        quickCheck: { result: 'ok', checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), durationMs: expect.any(Number) },
        // Nobody started the background check here (createBackend does).
        integrity: { state: 'running' },
        auditCheck: { state: 'pending' },
      });
      await takeBackup(db, backupsDir, 7, T0);
      await takeBackup(db, backupsDir, 7, new Date(T0.getTime() + 3_600_000));
      const later = storageStatus(db, file, backupsDir, { state: 'pending' });
      expect(later.backups).toBe(2);
      expect(later.lastBackupAt).toBe('2026-11-27T10:30:00.000Z');
      expect(later.quickCheck).toBe(empty.quickCheck); // the one recorded at start, not a new run
      expect(readdirSync(backupsDir)).toHaveLength(2);
    } finally {
      db.close();
    }
  });

  it('counts the write-ahead log in the database size', () => {
    const { db, file, env } = openTestDesk(tempDir());
    try {
      const applicant = addApplicant(env);
      for (let i = 0; i < 10; i += 1) registerApplication(env, registration(applicant.id, 20));
      const wal = statSync(`${file}-wal`).size;
      expect(wal).toBeGreaterThan(0);
      expect(storageStatus(db, file, join(tempDir(), 'backups'), { state: 'pending' }).databaseBytes).toBe(statSync(file).size + wal);
    } finally {
      db.close();
    }
  });
});
