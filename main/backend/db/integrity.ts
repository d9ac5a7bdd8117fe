import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppError } from '../../../shared/errors';
import { newestGoodBackup, quickCheckFile } from './backup';
import { START_CHECKED_TABLES } from './start-checked-tables';
import type { Db } from './db';

/** The start-up `PRAGMA quick_check` of the start-checked tables, as `storage.status` reports it. */
export interface QuickCheck {
  /** 'ok', or what quick_check found. */
  result: string;
  checkedAt: string;
  durationMs: number;
}

/** SQLite codes meaning the file's content is not a sound database (as opposed to locked or unreachable). */
const DAMAGE_CODE = /^SQLITE_(CORRUPT|NOTADB)(_|$)/;
/** quick_check lists up to 100 problems; the first few are enough to tell IT what kind of damage it is. */
const PROBLEMS_SHOWN = 3;

const startChecks = new WeakMap<Db, QuickCheck>();

export function recordStartCheck(db: Db, check: QuickCheck): void {
  startChecks.set(db, check);
}

/** The quick_check run when `db` was opened by openDatabase, if it was. */
export function startCheckOf(db: Db): QuickCheck | undefined {
  return startChecks.get(db);
}

/**
 * Refuses a data folder or database file Vikno cannot write. SQLite would open such a file
 * read-only without saying so, or fail with a bare "unable to open database file", and the
 * clerk would only find out when the first registration is lost.
 */
export function assertWritable(file: string): void {
  for (const path of [dirname(file), file, `${file}-wal`, `${file}-shm`]) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue; // made on first open; a missing folder is reported by the open itself
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
        throw new AppError('STORAGE', `The data folder is read-only: Vikno cannot save to ${path}. Ask IT to check its permissions.`);
      }
      throw new AppError('STORAGE', `Cannot check the data folder ${path}: ${(error as Error).message}`);
    }
  }
}

function damaged(file: string, backupsDir: string, problem: string): AppError {
  const backup = newestGoodBackup(backupsDir);
  const restore = backup
    ? `The newest good backup is ${backup}. To restore it: close Vikno, move ${file} (and ${file}-wal and ${file}-shm if they exist) ` +
      `to another folder and keep them, copy ${backup} to ${file}, then start Vikno again. ` +
      'Work done after that backup is only in the damaged file, so give it to IT.'
    : `There is no good backup in ${backupsDir}. Do not delete the damaged file: ask IT to recover the data from it.`;
  return new AppError('STORAGE', `The database ${file} is damaged (${problem}). Vikno has not changed or removed it. ${restore}`);
}

/**
 * The start-up check of docs/ARCHITECTURE.md §5.1: the data folder is writable, the file is a
 * database, and the tables every start and registration needs (START_CHECKED_TABLES, with
 * their indexes) pass `PRAGMA quick_check`. Their size does not grow with the applications, so
 * the check takes the same few milliseconds at a million records; the whole file is checked in
 * the background (full-check.ts). A damaged database is refused with the way to restore the
 * newest good backup; it is never repaired, replaced or deleted here — that is IT's decision.
 */
export function checkAtStart(file: string, backupsDir: string, now: () => Date = () => new Date()): QuickCheck {
  assertWritable(file);
  const checkedAt = now().toISOString();
  if (!existsSync(file)) return { result: 'ok', checkedAt, durationMs: 0 }; // a new desk: nothing to check yet
  const started = performance.now();
  let result: string;
  try {
    result = quickCheckFile(file, START_CHECKED_TABLES);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !DAMAGE_CODE.test(code)) {
      throw new AppError('STORAGE', `Cannot open the database ${file}: ${(error as Error).message}`);
    }
    result = `${(error as Error).message} (${code})`;
  }
  const durationMs = Math.round(performance.now() - started);
  if (result !== 'ok') throw damaged(file, backupsDir, result.split('; ').slice(0, PROBLEMS_SHOWN).join('; '));
  return { result, checkedAt, durationMs };
}
