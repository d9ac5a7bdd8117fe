import { AppError } from '../../../shared/errors';

/** SQLite result codes that mean "the storage failed", and what to tell the clerk or IT. */
const STORAGE_CODES: ReadonlyArray<[prefix: string, message: string]> = [
  ['SQLITE_FULL', 'The disk is full: nothing was saved. Free some space and try again.'],
  ['SQLITE_READONLY', 'The data folder is read-only: nothing was saved. Ask IT to check its permissions.'],
  ['SQLITE_BUSY', 'The database is locked by another program: nothing was saved. Close other Vikno windows and try again.'],
  ['SQLITE_LOCKED', 'The database is locked: nothing was saved. Try again.'],
  ['SQLITE_CORRUPT', 'The database file is damaged: nothing was saved. Ask IT to restore the latest backup.'],
  ['SQLITE_NOTADB', 'The database file is damaged: nothing was saved. Ask IT to restore the latest backup.'],
  ['SQLITE_IOERR', 'The disk reported an error: nothing was saved. Ask IT to check the disk.'],
  ['SQLITE_CANTOPEN', 'The database file cannot be opened: nothing was saved. Ask IT to check the data folder.'],
  ['SQLITE_PERM', 'Access to the database was denied: nothing was saved. Ask IT to check the data folder permissions.'],
];

/** A STORAGE AppError for a storage failure; anything else unchanged (it stays INTERNAL). */
export function asStorageError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  const match = STORAGE_CODES.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
  return match ? new AppError('STORAGE', `${match[1]} (${code})`) : error;
}
