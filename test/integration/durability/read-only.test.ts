import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerApplication } from '../../../main/backend/applications/register-application';
import type { CommandEnv } from '../../../main/backend/commands/unit-of-work';
import { openDatabase } from '../../../main/backend/db/open';
import { AppError } from '../../../shared/errors';
import { registration } from '../../fixtures/crash/registration';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';
import { readOnlyFolder, readOnlyMethod, readOnlyPath } from './privileged';

const tempDir = useTempDirs();
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A closed desk database with one registration, as a desk leaves it at the end of the day. */
function closedDesk(): { dir: string; file: string; applicantId: string; env: CommandEnv } {
  const dir = tempDir();
  const desk = openTestDesk(dir);
  const applicant = addApplicant(desk.env);
  registerApplication(desk.env, registration(applicant.id));
  desk.db.close();
  return { dir, file: desk.file, applicantId: applicant.id, env: desk.env };
}

function storageError(open: () => unknown): AppError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('STORAGE');
    return error as AppError;
  }
  return expect.fail('it opened');
}

describe(`a data folder Vikno cannot write (${readOnlyMethod})`, () => {
  it('is refused at start with the read-only message, naming the folder', () => {
    const { dir, file } = closedDesk();
    const readOnly = readOnlyFolder(dir, join(tempDir(), 'data'));
    cleanups.push(readOnly.undo);
    const before = sha256(file);
    const error = storageError(() => openDatabase(join(readOnly.path, 'vikno.db')));
    expect(error.message).toBe(`The data folder is read-only: Vikno cannot save to ${readOnly.path}. Ask IT to check its permissions.`);
    expect(sha256(file)).toBe(before);
  });
});

describe(`a read-only database file (${readOnlyMethod})`, () => {
  function makeReadOnly(path: string): void {
    cleanups.push(readOnlyPath(path));
  }

  it('is refused at start with the read-only message, naming the file', () => {
    const { file } = closedDesk();
    makeReadOnly(file);
    expect(storageError(() => openDatabase(file)).message).toBe(
      `The data folder is read-only: Vikno cannot save to ${file}. Ask IT to check its permissions.`,
    );
  });

  it('a folder Vikno cannot create files in is refused too', () => {
    const { dir, file } = closedDesk();
    makeReadOnly(dir);
    expect(storageError(() => openDatabase(file)).message).toBe(
      `The data folder is read-only: Vikno cannot save to ${dir}. Ask IT to check its permissions.`,
    );
  });

  it('without that check SQLite opens it read-only silently and the first registration fails: STORAGE, nothing saved', () => {
    const { file, applicantId, env } = closedDesk();
    makeReadOnly(file);
    // What openDatabase did before its writability check: SQLite falls back to read-only without an error.
    const db = new Database(file);
    cleanups.push(() => db.close());
    const error = storageError(() => registerApplication({ ...env, db }, registration(applicantId)));
    expect(error.message).toBe('The data folder is read-only: nothing was saved. Ask IT to check its permissions. (SQLITE_READONLY)');
    expect(db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(1);
  });
});
