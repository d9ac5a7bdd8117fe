/**
 * The connection type on its own, so the files `open.ts` calls (integrity, backup) can name it
 * without importing `open.ts` back.
 */
export type { Database as Db } from 'better-sqlite3';
