import { close, fsync, open, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';

/**
 * The highest registration number this desk has issued per center, desk and day, kept beside
 * the database in the data folder (not in it). Restoring `vikno.db` from a backup (README,
 * "The database and its backups") rolls the sequence table back to the backup's day; this
 * file is not part of the backup, so the desk still knows which numbers it has printed since.
 * Written to a temp name and renamed; fsynced with its folder right after, off the registering call (writeIssuedNumber).
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

/** Paths whose fsync is running on the thread pool, and whether another write came in meanwhile. */
const syncing = new Map<string, { again: boolean }>();

function fsyncPath(path: string, done: () => void): void {
  open(path, 'r', (error, fd) => {
    if (error) return done(); // removed meanwhile (a test's folder, IT's hand): nothing left to make durable
    fsync(fd, () => close(fd, () => done()));
  });
}

/**
 * Makes the newest write of `path` durable off the registering call: the file and then its
 * folder (the rename) are fsynced on libuv's thread pool, one round at a time per file, and
 * again if a write came in while one ran. Errors are ignored like a failed write (see
 * keepIssuedNumber): the database's own row holds the number until a restore.
 */
function syncInBackground(path: string): void {
  const running = syncing.get(path);
  if (running) {
    running.again = true;
    return;
  }
  const round = { again: false };
  syncing.set(path, round);
  fsyncPath(path, () => {
    const finish = () => {
      syncing.delete(path);
      if (round.again) syncInBackground(path);
    };
    // Windows cannot open a folder to sync it, and NTFS journals renames itself (as db/backup.ts).
    if (process.platform === 'win32') finish();
    else fsyncPath(dirname(path), finish);
  });
}

/**
 * Records `value` as issued for `key`, keeping the newest days only. Written whole to a temp
 * name and renamed over the file at once, so a crash of the process never loses it and a
 * reader never sees half of it; the fsyncs that make it survive a power cut run right after on
 * the thread pool (syncInBackground). They cost a registration four times its own commit when
 * it waited for them (docs/ARCHITECTURE.md §5.1, "Performance: store"), and the file only
 * matters once a power cut within those milliseconds is followed by restoring an older backup:
 * the database's own sequence row, fsynced with the registration, holds the number until then.
 */
export function writeIssuedNumber(path: string, key: string, value: number): void {
  const issued = readIssuedNumbers(path);
  issued[key] = Math.max(issued[key] ?? 0, value);
  const kept = Object.entries(issued)
    .sort(([a], [b]) => dayOf(b).localeCompare(dayOf(a)))
    .slice(0, DAYS_KEPT);
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(Object.fromEntries(kept)), { mode: 0o600 });
  renameSync(temp, path);
  syncInBackground(path);
}

const dayOf = (key: string) => key.slice(key.lastIndexOf('/') + 1);
