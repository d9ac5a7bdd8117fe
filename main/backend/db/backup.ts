import Database from 'better-sqlite3';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Db } from './db';

/** How many daily backups are kept when the caller does not say. */
export const DEFAULT_BACKUPS_KEPT = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

// UTC, not the center's local time: local clocks repeat an hour every autumn, which would make
// two backups share a name and break newest-first ordering by name.
const BACKUP_NAME = /^vikno-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.db$/;
// A backup being written (and SQLite's rollback journal of it). Never matches BACKUP_NAME, so a
// half-written copy is never listed, restored from or counted.
const PARTIAL_NAME = /^vikno-\d{8}-\d{6}\.db\.partial-[0-9a-f]+(-journal)?$/;

export interface BackupInfo {
  file: string;
  /** When it was taken (UTC, to the second), from its name. */
  takenAt: string;
}

/** Partial files of backups running in this process; anything else partial is left over from a crash. */
const inFlight = new Set<string>();

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function backupName(at: Date): string {
  const day = `${pad(at.getUTCFullYear(), 4)}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
  return `vikno-${day}-${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}.db`;
}

function takenAtOf(name: string): string | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`;
}

function readDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The finished backups in `dir`, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  const found: BackupInfo[] = [];
  for (const name of readDir(dir)) {
    const takenAt = takenAtOf(name);
    if (takenAt !== null) found.push({ file: join(dir, name), takenAt });
  }
  // The timestamp is fixed-width, so name order is time order.
  return found.sort((a, b) => (a.file < b.file ? 1 : a.file > b.file ? -1 : 0));
}

/** quick_check's rows as one line: 'ok', or the problems it lists. */
export function problemsOf(lines: readonly string[]): string {
  return lines
    .flatMap((line) => line.split('\n'))
    .filter((line) => !line.startsWith('*** in database')) // a heading, not a problem
    .join('; ');
}

/**
 * Opens `file` read-only (so nothing in it, or a leftover -wal, is ever written back) and runs
 * `PRAGMA quick_check` of the whole file, or of `tables` (each with its indexes) that it has:
 * 'ok', or the problems it lists. Throws when SQLite cannot read it at all.
 */
export function quickCheckFile(file: string, tables?: readonly string[]): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (tables === undefined) return problemsOf((db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check));
    // Reading the schema also proves page 1 and the schema table sound.
    const present = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    const check = db.prepare('SELECT quick_check FROM pragma_quick_check(?)').pluck();
    const results = tables.filter((t) => present.has(t)).map((t) => problemsOf(check.all(t) as string[]));
    const problems = results.filter((r) => r !== 'ok');
    return problems.length === 0 ? 'ok' : problems.join('; ');
  } finally {
    db.close();
  }
}

function passesQuickCheck(file: string): boolean {
  try {
    return quickCheckFile(file) === 'ok';
  } catch {
    return false; // not a database at all, or unreadable: no use for a restore either
  }
}

/** The newest backup that opens and passes quick_check, skipping damaged ones; null if none does. */
export function newestGoodBackup(dir: string): string | null {
  return listBackups(dir).find((b) => passesQuickCheck(b.file))?.file ?? null;
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a folder to sync it, and NTFS journals renames itself. */
function fsyncDir(dir: string): void {
  if (process.platform !== 'win32') fsyncPath(dir);
}

/**
 * Takes an online backup of the open database into `backupsDir` as `vikno-YYYYMMDD-HHMMSS.db`
 * (UTC), then keeps only the newest `keep`. The copy is written and synced under a partial
 * name and renamed into place, so a file with a backup's name is always a whole backup.
 */
export async function takeBackup(db: Db, backupsDir: string, keep = DEFAULT_BACKUPS_KEPT, now = new Date()): Promise<BackupInfo> {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a whole number of at least 1, got ${keep}`);
  mkdirSync(backupsDir, { recursive: true });
  for (const name of readDir(backupsDir)) {
    const path = join(backupsDir, name);
    if (PARTIAL_NAME.test(name) && !inFlight.has(path.replace(/-journal$/, ''))) rmSync(path, { force: true });
  }
  const name = backupName(now);
  const final = join(backupsDir, name);
  const partial = `${final}.partial-${randomBytes(6).toString('hex')}`;
  inFlight.add(partial);
  try {
    await db.backup(partial);
    // The copy keeps the source's WAL mode; a single self-contained file is what IT copies back,
    // and read-only checks of it then create no -wal/-shm files next to it.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncPath(partial);
    renameSync(partial, final);
    fsyncDir(backupsDir);
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
    throw error;
  } finally {
    inFlight.delete(partial);
  }
  for (const old of listBackups(backupsDir).slice(keep)) rmSync(old.file, { force: true });
  return { file: final, takenAt: takenAtOf(name) ?? now.toISOString() };
}

export interface DailyBackupOptions {
  backupsDir: string;
  keep?: number;
  /** 24 h unless a test says otherwise. */
  intervalMs?: number;
  now?: () => Date;
  onBackup?: (backup: BackupInfo) => void;
  /**
   * Why no backup is to be taken now, or null. A damaged database is not backed up: the copy
   * would be damaged too, and keeping the newest few would push the good ones out.
   */
  skip?: () => string | null;
  /** A failed backup is reported here and retried at the next interval; it never stops the desk. */
  onError: (error: unknown) => void;
}

/**
 * Takes a backup whenever the newest one is older than the interval: at start if it is already
 * due, then every interval. Returns `stop`, which resolves once a backup in progress has
 * finished, so the caller can close the database after it. The timer never keeps the process alive.
 */
export function scheduleDailyBackups(db: Db, options: DailyBackupOptions): () => Promise<void> {
  const interval = options.intervalMs ?? DAY_MS;
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const arm = (delayMs: number) => {
    timer = setTimeout(() => {
      const skipped = options.skip?.() ?? null;
      if (skipped !== null) {
        rearm();
        options.onError(new Error(`No backup taken: ${skipped}`));
        return;
      }
      // Re-armed before reporting, so whoever hears of a backup already finds the next one scheduled.
      running = takeBackup(db, options.backupsDir, options.keep, now()).then(
        (backup) => {
          rearm();
          options.onBackup?.(backup);
        },
        (error: unknown) => {
          rearm();
          options.onError(error);
        },
      );
    }, delayMs);
    timer.unref();
  };
  const rearm = () => {
    if (!stopped) arm(interval);
  };

  let newest: BackupInfo | undefined;
  try {
    newest = listBackups(options.backupsDir)[0];
  } catch {
    // An unusable backups folder must not stop the desk from starting; the backup attempted
    // right away reports why through onError.
  }
  const due = newest ? Date.parse(newest.takenAt) + interval - now().getTime() : 0;
  // Clamped: a backup stamped in the future (the clock was moved back) must not delay the next one.
  arm(Math.min(interval, Math.max(0, due)));

  return () => {
    stopped = true;
    clearTimeout(timer);
    return running;
  };
}
