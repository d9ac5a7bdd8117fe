import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asStorageError } from '../../../main/backend/db/storage-errors';
import { AppError } from '../../../shared/errors';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

function sqliteError(code: string): Error {
  return Object.assign(new Error('sqlite said no'), { code });
}

/**
 * Which SQLite failures reach the clerk as STORAGE ("nothing was saved", and what to do) and
 * which stay INTERNAL: the disk-full and read-only runs in test/integration/durability/ see two
 * codes end to end; this pins the mapping itself, extended result codes included.
 */
describe('a storage failure', () => {
  it.each([
    ['SQLITE_FULL', /disk is full/],
    ['SQLITE_READONLY_DBMOVED', /read-only/],
    ['SQLITE_BUSY', /locked by another program/],
    ['SQLITE_IOERR_WRITE', /disk reported an error/],
    ['SQLITE_CORRUPT', /damaged/],
    ['SQLITE_CANTOPEN', /cannot be opened/],
  ])('%s is a STORAGE error that names its code', (code, message) => {
    const mapped = asStorageError(sqliteError(code));
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ code: 'STORAGE', message: expect.stringMatching(message) });
    expect((mapped as AppError).message).toContain(`(${code})`);
  });

  it.each(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_FULLNESS', 'SQLITE_ERROR', 'ENOENT'])('%s is not one: it stays as it was', (code) => {
    const error = sqliteError(code);
    expect(asStorageError(error)).toBe(error);
  });

  it.each([null, undefined, 'text', new Error('no code'), { code: 13 }])('%j without a string code stays as it was', (error) => {
    expect(asStorageError(error)).toBe(error);
  });

  it('the error a real SQLite file raises on a read-only connection is recognised', () => {
    const file = join(tempDir(), 'x.db');
    new Database(file).exec('CREATE TABLE t (x)').close();
    const readOnly = new Database(file, { readonly: true });
    let caught: unknown;
    try {
      readOnly.exec('INSERT INTO t VALUES (1)');
    } catch (error) {
      caught = error;
    }
    readOnly.close();
    expect(asStorageError(caught)).toMatchObject({ code: 'STORAGE', message: expect.stringMatching(/read-only/) });
  });
});
