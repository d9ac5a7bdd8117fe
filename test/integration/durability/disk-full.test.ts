import { closeSync, existsSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getApplicationById } from '../../../main/backend/applications/queries';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { verifyAudit } from '../../../main/backend/audit/audit-log';
import type { Db } from '../../../main/backend/db/open';
import { openDatabase } from '../../../main/backend/db/open';
import type { StoredApplication } from '../../../shared/domain/application';
import { AppError } from '../../../shared/errors';
import { registration } from '../../fixtures/crash/registration';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';
import { canMountTmpfs, limitFileSize, run } from './privileged';

const tempDir = useTempDirs();
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** Row counts of every table a registration writes, and the numbers handed out so far. */
function state(db: Db) {
  const tables = ['applications', 'application_items', 'application_status_history', 'outbox', 'audit_events'];
  return {
    ...Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number])),
    numbersUsed: db.prepare('SELECT coalesce(sum(last_value), 0) FROM registration_sequences').pluck().get() as number,
  };
}

/** Registers as-big-as-allowed applications until one fails; checks that failure left nothing behind. */
function registerUntilFull(desk: TestDesk, applicantId: string): { failure: AppError; fitted: StoredApplication[] } {
  const fitted: StoredApplication[] = [];
  for (let i = 0; i < 500; i += 1) {
    const before = state(desk.db);
    try {
      fitted.push(registerApplication(desk.env, registration(applicantId, 200)));
    } catch (error) {
      expect(state(desk.db)).toEqual(before);
      expect(error).toBeInstanceOf(AppError);
      return { failure: error as AppError, fitted };
    }
  }
  return expect.fail('the disk never filled up');
}

const regSeq = (a: StoredApplication) => Number(a.regNumber.slice(-4));

function expectIntact(db: Db, earlier: StoredApplication[]): void {
  expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  for (const app of earlier) expect(getApplicationById(db, app.id)).toEqual(app);
  expect(verifyAudit(db).ok).toBe(true);
}

describe('a full disk', () => {
  it('fails the registration with STORAGE, writes nothing of it and uses no number; the desk goes on once there is room', () => {
    const desk = openTestDesk(tempDir());
    cleanups.push(() => desk.db.close());
    const applicant = addApplicant(desk.env);
    const earlier = Array.from({ length: 3 }, () => registerApplication(desk.env, registration(applicant.id, 20)));
    // What a full disk looks like to SQLite: no page can be added to the file.
    const pages = desk.db.pragma('page_count', { simple: true }) as number;
    desk.db.pragma(`max_page_count = ${pages + 3}`);

    const { failure, fitted } = registerUntilFull(desk, applicant.id);
    expect(failure.code).toBe('STORAGE');
    expect(failure.message).toBe('The disk is full: nothing was saved. Free some space and try again. (SQLITE_FULL)');
    expectIntact(desk.db, [...earlier, ...fitted]);

    desk.db.pragma('max_page_count = 1073741823');
    const next = registerApplication(desk.env, registration(applicant.id, 200));
    expect(regSeq(next)).toBe(earlier.length + fitted.length + 1);
    expectIntact(desk.db, [...earlier, ...fitted, next]);
  });

  /** A filesystem that stops the desk's files from growing, for real: the kernel refuses the write. */
  interface FullDisk {
    name: string;
    /** Prepares `dir` before the desk is opened in it. */
    mount(dir: string): void;
    /** Takes away the room to grow, once the desk has registered a few. */
    fill(dir: string): void;
    /** Gives the room back. */
    free(dir: string): void;
    /** What the clerk is told. */
    message: RegExp;
  }

  let undoLimit: (() => void) | undefined;
  const fileSizeLimit: FullDisk = {
    name: 'a file-size limit (RLIMIT_FSIZE, any user)',
    mount: () => undefined,
    fill: (dir) => {
      const sizes = ['vikno.db', 'vikno.db-wal'].map((f) => (existsSync(join(dir, f)) ? statSync(join(dir, f)).size : 0));
      undoLimit = limitFileSize(Math.max(...sizes) + 32 * 1024);
      cleanups.push(() => undoLimit?.());
    },
    free: () => {
      undoLimit?.();
      undoLimit = undefined;
    },
    // EFBIG is not ENOSPC: SQLite reports a write error, not a full disk.
    message: /^The disk reported an error: nothing was saved\. Ask IT to check the disk\. \(SQLITE_IOERR_WRITE\)$/,
  };
  const tmpfs: FullDisk = {
    name: 'a 2 MB tmpfs another program fills up (root)',
    mount: (dir) => {
      run('mount', '-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir);
      cleanups.push(() => run('umount', dir));
    },
    fill: (dir) => {
      const fd = openSync(join(dir, 'filler'), 'w');
      try {
        const chunk = Buffer.alloc(64 * 1024, 1);
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        closeSync(fd);
      }
    },
    free: (dir) => rmSync(join(dir, 'filler')),
    message: /^The disk is full: nothing was saved\. .*\(SQLITE_FULL\)$/,
  };
  // Root gets both; any other user the file-size limit, so neither runs skips anything.
  const fullDisks = canMountTmpfs ? [fileSizeLimit, tmpfs] : [fileSizeLimit];

  it.each(fullDisks)('on $name: fails with STORAGE, keeps the database sound, and carries on once there is room', (disk) => {
    const dir = tempDir();
    disk.mount(dir);
    const desk = openTestDesk(dir);
    let closed = false;
    cleanups.push(() => closed || desk.db.close());
    const applicant = addApplicant(desk.env);
    const earlier = Array.from({ length: 3 }, () => registerApplication(desk.env, registration(applicant.id, 20)));

    disk.fill(dir);
    const { failure, fitted } = registerUntilFull(desk, applicant.id);
    expect(failure.code).toBe('STORAGE');
    expect(failure.message).toMatch(disk.message);
    expectIntact(desk.db, [...earlier, ...fitted]);

    disk.free(dir);
    const next = registerApplication(desk.env, registration(applicant.id, 200));
    expect(regSeq(next)).toBe(earlier.length + fitted.length + 1);
    desk.db.close();
    closed = true;
    // And it still opens, passing the start-up check, with everything in it.
    const reopened = openDatabase(desk.file);
    cleanups.push(() => reopened.close());
    expectIntact(reopened, [...earlier, ...fitted, next]);
  });
});
