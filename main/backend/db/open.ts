import Database from 'better-sqlite3';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Db } from './db';
import { checkAtStart, recordStartCheck } from './integrity';
import { migrate } from './migrate';
import { migrations } from './migrations/registry';

export type { Db };

export interface OpenOptions {
  /** Where the daily backups are, to name the one to restore if the database is damaged. Default `<folder of file>/backups`. */
  backupsDir?: string;
}

/**
 * Opens the desk database with the pragmas of docs/ARCHITECTURE.md §5.1 and brings its schema up to date.
 * A read-only data folder or a damaged file (quick_check not ok) is refused before anything is
 * written to it.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const startCheck = checkAtStart(file, options.backupsDir ?? join(dirname(file), 'backups'));
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new AppError('STORAGE', `Cannot open the database ${file}: ${(error as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    recordStartCheck(db, startCheck);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('STORAGE', `Cannot open the database ${file}: ${(error as Error).message}`);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
