/**
 * The source of the worker thread that runs the whole-file check (full-check.ts). Plain
 * JavaScript run with `eval`: the backend is bundled into one file per process, and a worker
 * given as source needs no second bundle entry or path that differs between the bundle, the
 * bench and the tests. It loads better-sqlite3 from where the backend itself resolves it
 * (`workerData.from`), opens each file read-only (nothing is ever written to it, nor to a
 * leftover -wal), and answers quick_check's rows or why the file could not be read.
 *
 * It checks the database, and only when that is not sound, the backups newest first until one
 * is: checking backups is as slow as checking the database, so it too stays off the main thread.
 */
export const FULL_CHECK_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('node:module').createRequire(workerData.from)('better-sqlite3');
function check(file) {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return { lines: db.pragma('quick_check').map((row) => row.quick_check) };
    } finally {
      db.close();
    }
  } catch (error) {
    return { error: String(error && error.message), code: error && typeof error.code === 'string' ? error.code : null };
  }
}
const sound = (result) => result.lines !== undefined && result.lines.length === 1 && result.lines[0] === 'ok';
const started = performance.now();
const database = check(workerData.file);
const durationMs = performance.now() - started;
let backup = null;
if (!sound(database)) backup = workerData.backups.find((file) => sound(check(file))) ?? null;
parentPort.postMessage({ database, durationMs, backup });
`;

/** What one file's check found: quick_check's rows, or why SQLite could not read it. */
export type FileCheck = { lines: string[] } | { error: string; code: string | null };

/** The worker's one message. */
export interface WorkerAnswer {
  database: FileCheck;
  durationMs: number;
  /** The newest backup that passed, looked for only when the database did not. */
  backup: string | null;
}
