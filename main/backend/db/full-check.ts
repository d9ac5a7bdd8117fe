import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IntegrityCheck } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { listBackups, problemsOf } from './backup';
import type { Db } from './db';
import { FULL_CHECK_WORKER_SOURCE } from './full-check-worker';
import type { WorkerAnswer } from './full-check-worker';

/** SQLite codes meaning the file's content is not a sound database (as opposed to locked or unreachable). */
const DAMAGE_CODE = /^SQLITE_(CORRUPT|NOTADB)(_|$)/;
/** quick_check lists up to 100 problems; the first few are enough to tell IT what kind of damage it is. */
const PROBLEMS_SHOWN = 3;

const checks = new WeakMap<Db, IntegrityCheck>();

/** The newest whole-file check of `db`: `running` until the first one ended (or when none was started). */
export function integrityOf(db: Db): IntegrityCheck {
  return checks.get(db) ?? { state: 'running' };
}

/** What the clerk and IT are told when writes are refused: what was found, and which backup to restore. */
export function damageMessage(file: string, check: Extract<IntegrityCheck, { state: 'damaged' }>): string {
  const restore = check.backup
    ? `The newest good backup is ${check.backup}: ask IT to restore it (close Vikno, move ${file} and its -wal and -shm files ` +
      `to another folder and keep them, copy the backup to ${file}). Work done after that backup is only in the damaged file.`
    : 'There is no good backup: ask IT to recover the data from the damaged file, and do not delete it.';
  return `The database ${file} is damaged (${check.problem}), found by the check at ${check.checkedAt}: nothing can be saved until it is restored. Vikno has not changed the file. ${restore}`;
}

/** The file each checked connection has open, for the refusal's message. */
const databaseFiles = new WeakMap<Db, string>();

/**
 * Refuses a write on a database the background check found damaged: with a damaged page
 * somewhere, a write could build on it, and the clerk would register work that the restore
 * then loses. Commands call it before they start (commands/unit-of-work.ts), so nothing is half-written.
 */
export function refuseWritesIfDamaged(db: Db): void {
  const check = checks.get(db);
  if (check?.state === 'damaged') throw new AppError('STORAGE', damageMessage(databaseFiles.get(db) ?? 'vikno.db', check));
}

/** The check's verdict from the worker's answer (pure: the unit tests feed it answers). */
export function verdictOf(answer: WorkerAnswer, checkedAt: string): IntegrityCheck {
  const found = answer.database;
  if ('lines' in found) {
    const problems = problemsOf(found.lines);
    if (problems === 'ok') return { state: 'ok', checkedAt, durationMs: Math.round(answer.durationMs) };
    return { state: 'damaged', problem: problems.split('; ').slice(0, PROBLEMS_SHOWN).join('; '), backup: answer.backup, checkedAt };
  }
  if (found.code !== null && DAMAGE_CODE.test(found.code)) {
    return { state: 'damaged', problem: `${found.error} (${found.code})`, backup: answer.backup, checkedAt };
  }
  return { state: 'failed', error: found.error, checkedAt };
}

/** Where the worker loads better-sqlite3 from: beside this bundle, or (in the tests, run from the repository) the working folder. */
function resolveFrom(): string {
  return typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js');
}

/** The backups to look through if the database is damaged; an unreadable folder has none to offer (backups report it themselves). */
function backupFiles(dir: string): string[] {
  try {
    return listBackups(dir).map((b) => b.file);
  } catch {
    return [];
  }
}

function runWorker(file: string, backups: string[], started: (worker: Worker) => void): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(FULL_CHECK_WORKER_SOURCE, { eval: true, workerData: { file, backups, from: resolveFrom() } });
    started(worker);
    worker.once('message', (answer: WorkerAnswer) => resolve(answer));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The integrity check stopped (exit code ${code}) before it answered`)));
  });
}

export interface FullCheckOptions {
  backupsDir: string;
  now?: () => Date;
  /** Told every result, e.g. to push it to the windows and log it. */
  onResult?: (check: IntegrityCheck) => void;
}

export interface FullChecker {
  /** Runs the whole-file check now on a worker thread; a second call while one runs gets the same result. */
  run(): Promise<IntegrityCheck>;
  /**
   * Ends a check in progress without a result (its read-only connection needs nothing from
   * `db`, so the caller may close the database at once).
   */
  stop(): void;
}

/**
 * The whole-file `PRAGMA quick_check` of docs/ARCHITECTURE.md §5.1, off the start-up path: on a
 * worker thread with its own read-only connection, so calls go on while it reads the file. A
 * damaged result blocks writes on `db` (refuseWritesIfDamaged) until the desk is restarted on
 * a restored file; nothing here ever writes to, repairs or replaces the file.
 */
export function createFullChecker(db: Db, file: string, options: FullCheckOptions): FullChecker {
  const now = options.now ?? (() => new Date());
  databaseFiles.set(db, file);
  let running: Promise<IntegrityCheck> | null = null;
  let worker: Worker | null = null;
  let stopped = false;
  const record = (check: IntegrityCheck) => {
    if (stopped) return check;
    // Once damaged, stays damaged: a later pass cannot undo damage the file had (the restore is a restart).
    if (checks.get(db)?.state !== 'damaged') {
      checks.set(db, check);
      // The backstop for writers that do not run as commands (runCommand refuses first, with the message that says why).
      if (check.state === 'damaged' && db.open) db.pragma('query_only = ON');
    }
    const current = integrityOf(db);
    options.onResult?.(current);
    return current;
  };
  const run = () => {
    running ??= runWorker(file, backupFiles(options.backupsDir), (started) => {
      worker = started;
    })
      .then(
        (answer) => record(verdictOf(answer, now().toISOString())),
        (error: unknown) =>
          record({ state: 'failed', error: error instanceof Error ? error.message : String(error), checkedAt: now().toISOString() }),
      )
      .finally(() => {
        running = null;
        worker = null;
      });
    return running;
  };
  return {
    run,
    stop: () => {
      stopped = true;
      void worker?.terminate();
    },
  };
}
