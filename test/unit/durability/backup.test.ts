import { copyFileSync, readdirSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { verifyAudit } from '../../../main/backend/audit/audit-log';
import { listBackups, newestGoodBackup, quickCheckFile, scheduleDailyBackups, takeBackup } from '../../../main/backend/db/backup';
import type { BackupInfo } from '../../../main/backend/db/backup';
import { openDatabase } from '../../../main/backend/db/open';
import type { Db } from '../../../main/backend/db/open';
import { registration } from '../../fixtures/crash/registration';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2026-11-27T09:30:00Z');

const open: Db[] = [];
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const db of open.splice(0)) if (db.open) db.close();
});

function desk(rows = 3): TestDesk & { regNumbers: string[] } {
  const d = openTestDesk(tempDir());
  open.push(d.db);
  const applicant = addApplicant(d.env);
  const regNumbers = Array.from({ length: rows }, () => registerApplication(d.env, registration(applicant.id, 3)).regNumber);
  return { ...d, regNumbers };
}

const regNumbers = (db: Db) => db.prepare('SELECT reg_number FROM applications ORDER BY reg_number').pluck().all() as string[];
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);

describe('takeBackup', () => {
  it('writes a whole, checked copy named after the UTC time and nothing else', async () => {
    const { db } = desk();
    const dir = join(tempDir(), 'backups');
    const backup = await takeBackup(db, dir, 7, T0);
    expect(backup).toEqual({ file: join(dir, 'vikno-20261127-093000.db'), takenAt: '2026-11-27T09:30:00.000Z' });
    // One self-contained file: no partial name, no rollback journal, no -wal/-shm beside it.
    expect(readdirSync(dir)).toEqual(['vikno-20261127-093000.db']);
    expect(quickCheckFile(backup.file)).toBe('ok');
    expect(listBackups(dir)).toEqual([backup]);
  });

  it('copies under a partial name and only then gives it the backup name', async () => {
    const { db } = desk(20);
    const dir = join(tempDir(), 'backups');
    const original = db.backup.bind(db);
    const seen: string[][] = [];
    // One page per step, so the copy is observed while it is half-written.
    vi.spyOn(db, 'backup').mockImplementation((file) => original(file, { progress: () => (seen.push(readdirSync(dir)), 1) }));
    await takeBackup(db, dir, 7, T0);
    expect(seen.length).toBeGreaterThan(10);
    for (const names of seen) {
      expect(names).not.toContain('vikno-20261127-093000.db');
      expect(names.some((n) => /^vikno-20261127-093000\.db\.partial-[0-9a-f]+$/.test(n))).toBe(true);
    }
    expect(readdirSync(dir)).toEqual(['vikno-20261127-093000.db']);
  });

  it('leaves nothing behind when the copy fails, and clears partial files a crash left', async () => {
    const { db } = desk();
    const dir = join(tempDir(), 'backups');
    await takeBackup(db, dir, 7, T0);
    // What a backup killed mid-copy leaves: the partial copy and its journal.
    writeFileSync(join(dir, 'vikno-20261128-093000.db.partial-0a1b2c'), 'half a database');
    writeFileSync(join(dir, 'vikno-20261128-093000.db.partial-0a1b2c-journal'), 'journal');
    const original = db.backup.bind(db);
    vi.spyOn(db, 'backup').mockImplementationOnce(async (file) => {
      await original(file);
      throw new Error('the disk went away');
    });
    await expect(takeBackup(db, dir, 7, at(DAY))).rejects.toThrow('the disk went away');
    expect(readdirSync(dir)).toEqual(['vikno-20261127-093000.db']);
    await takeBackup(db, dir, 7, at(DAY));
    expect(readdirSync(dir).sort()).toEqual(['vikno-20261127-093000.db', 'vikno-20261128-093000.db']);
  });

  it('keeps only the newest N, listed newest first', async () => {
    const { db } = desk();
    const dir = join(tempDir(), 'backups');
    for (let day = 0; day < 10; day += 1) await takeBackup(db, dir, 3, at(day * DAY));
    expect(listBackups(dir).map((b) => b.takenAt)).toEqual([
      '2026-12-06T09:30:00.000Z',
      '2026-12-05T09:30:00.000Z',
      '2026-12-04T09:30:00.000Z',
    ]);
    expect(readdirSync(dir)).toHaveLength(3);
    await takeBackup(db, dir, undefined, at(10 * DAY));
    expect(readdirSync(dir)).toHaveLength(4);
    await expect(takeBackup(db, dir, 0, at(11 * DAY))).rejects.toThrow(RangeError);
  });

  it('restores by copying: the copy opens as the desk database with the rows of the backup time', async () => {
    const d = desk(5);
    const dir = join(tempDir(), 'backups');
    const backup = await takeBackup(d.db, dir, 7, T0);
    const applicant = d.db.prepare('SELECT id FROM applicants').pluck().get() as string;
    registerApplication(d.env, registration(applicant)); // after the backup: not in it
    const restoredFile = join(tempDir(), 'vikno.db');
    copyFileSync(backup.file, restoredFile);
    const restored = openDatabase(restoredFile);
    open.push(restored);
    expect(regNumbers(restored)).toEqual(d.regNumbers);
    expect(regNumbers(d.db)).toHaveLength(6);
    expect(restored.prepare('SELECT count(*) FROM application_items').pluck().get()).toBe(15);
    expect(verifyAudit(restored)).toEqual({ ok: true, entries: 6 }); // the applicant and the 5 registrations
  });
});

describe('newestGoodBackup', () => {
  it('skips a truncated and a garbage backup and names the newest good one', async () => {
    const { db } = desk(20);
    const dir = join(tempDir(), 'backups');
    const good = await takeBackup(db, dir, 7, T0);
    const truncated = await takeBackup(db, dir, 7, at(DAY));
    truncateSync(truncated.file, Math.floor(statSync(truncated.file).size / 2));
    const garbage = await takeBackup(db, dir, 7, at(2 * DAY));
    writeFileSync(garbage.file, 'not a database at all '.repeat(1000));
    expect(listBackups(dir).map((b) => b.file)).toEqual([garbage.file, truncated.file, good.file]);
    expect(newestGoodBackup(dir)).toBe(good.file);
    truncateSync(good.file, 4096 * 3);
    expect(newestGoodBackup(dir)).toBeNull();
  });

  it('is null for a missing or empty folder', () => {
    expect(newestGoodBackup(join(tempDir(), 'nowhere'))).toBeNull();
    expect(newestGoodBackup(tempDir())).toBeNull();
  });
});

describe('scheduleDailyBackups', () => {
  /** The schedule's onBackup as awaitable events. */
  function events() {
    const taken: BackupInfo[] = [];
    let notify = () => {};
    return {
      taken,
      onBackup: (b: BackupInfo) => {
        taken.push(b);
        notify();
      },
      next: () => new Promise<void>((resolve) => (notify = resolve)),
    };
  }

  it('backs up at once when no backup exists, then once per interval, until stopped', async () => {
    const { db } = desk();
    const dir = join(tempDir(), 'backups');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let clock = T0;
    const e = events();
    let next = e.next();
    const stop = scheduleDailyBackups(db, {
      backupsDir: dir,
      now: () => clock,
      onBackup: e.onBackup,
      onError: (error) => expect.fail(String(error)),
    });
    vi.advanceTimersByTime(0);
    await next;
    expect(e.taken.map((b) => b.takenAt)).toEqual(['2026-11-27T09:30:00.000Z']);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(DAY - 1);
    expect(vi.getTimerCount()).toBe(1); // not fired yet
    clock = at(DAY);
    next = e.next();
    vi.advanceTimersByTime(1);
    await next;
    expect(listBackups(dir).map((b) => b.takenAt)).toEqual(['2026-11-28T09:30:00.000Z', '2026-11-27T09:30:00.000Z']);
    await stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits for the rest of the interval after a recent backup', async () => {
    const { db } = desk();
    const dir = join(tempDir(), 'backups');
    await takeBackup(db, dir, 7, T0);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let clock = at(6 * 60 * 60 * 1000);
    const e = events();
    const stop = scheduleDailyBackups(db, {
      backupsDir: dir,
      now: () => clock,
      onBackup: e.onBackup,
      onError: (error) => expect.fail(String(error)),
    });
    vi.advanceTimersByTime(18 * 60 * 60 * 1000 - 1);
    expect(vi.getTimerCount()).toBe(1);
    clock = at(DAY);
    const next = e.next();
    vi.advanceTimersByTime(1);
    await next;
    expect(e.taken.map((b) => b.takenAt)).toEqual(['2026-11-28T09:30:00.000Z']);
    await stop();
  });

  it('reports a failed backup and tries again next interval; its timer does not keep the process alive', async () => {
    const { db } = desk();
    const notADir = join(tempDir(), 'file');
    writeFileSync(notADir, '');
    const timers = vi.spyOn(globalThis, 'setTimeout');
    let reported = () => {};
    const failed = new Promise<void>((resolve) => (reported = resolve));
    const errors: unknown[] = [];
    const stop = scheduleDailyBackups(db, {
      backupsDir: join(notADir, 'backups'),
      intervalMs: DAY,
      onError: (error) => {
        errors.push(error);
        reported();
      },
    });
    await failed;
    expect(errors).toEqual([expect.objectContaining({ code: 'ENOTDIR' })]);
    const armed = timers.mock.results.map((r) => r.value as NodeJS.Timeout);
    expect(armed).toHaveLength(2); // the first attempt, and the retry after the failure
    expect(armed.every((t) => !t.hasRef())).toBe(true);
    await stop();
  });
});
