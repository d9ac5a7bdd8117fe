import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';

/**
 * The highest registration number this desk has issued per center, desk and day, kept beside
 * the database in the data folder (not in it). Restoring `vikno.db` from a backup (README,
 * "The database and its backups") rolls the sequence table back to the backup's day; this
 * file is not part of the backup, so the desk still knows which numbers it has printed since.
 * Written to a temp name, fsynced, renamed and its folder fsynced, like every file the desk keeps.
 */
export const ISSUED_NUMBERS_FILE = 'registration-numbers.json';

/** Enough days for any backup a desk keeps (7 by default) plus a clock moved back a few weeks. */
const DAYS_KEPT = 60;

type Issued = Record<string, number>;

export function issuedNumbersPath(dbFile: string): string | null {
  // An in-memory database has no data folder, so nothing survives it to protect.
  return dbFile === '' || dbFile === ':memory:' ? null : join(dirname(dbFile), ISSUED_NUMBERS_FILE);
}

export const sequenceKey = (centerCode: string, deskCode: string, day: string) => `${centerCode}/${deskCode}/${day}`;

export function readIssuedNumbers(path: string): Issued {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new AppError('STORAGE', `Cannot read ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Only a hand-edited file can be torn (writes are atomic); the database's own sequence still holds.
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, number] => Number.isSafeInteger(entry[1]) && entry[1] > 0),
  );
}

/** Records `value` as issued for `key`, keeping the newest days only. */
export function writeIssuedNumber(path: string, key: string, value: number): void {
  const issued = readIssuedNumbers(path);
  issued[key] = Math.max(issued[key] ?? 0, value);
  const kept = Object.entries(issued)
    .sort(([a], [b]) => dayOf(b).localeCompare(dayOf(a)))
    .slice(0, DAYS_KEPT);
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(Object.fromEntries(kept)));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  // Windows cannot open a folder to sync it, and NTFS journals renames itself (as db/backup.ts).
  if (process.platform === 'win32') return;
  const folder = openSync(dirname(path), 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}

const dayOf = (key: string) => key.slice(key.lastIndexOf('/') + 1);
