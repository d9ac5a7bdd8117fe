/**
 * Opening the desk database (main/backend/db/open.ts, integrity.ts, migrate.ts) when it cannot be
 * opened as asked, beside test/unit/backend/migrate.test.ts and test/unit/durability/integrity.test.ts.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeBackup } from '../../../main/backend/db/backup';
import { checkAtStart } from '../../../main/backend/db/integrity';
import { latestVersion, migrate } from '../../../main/backend/db/migrate';
import { openDatabase } from '../../../main/backend/db/open';
import { migrations } from '../../../main/backend/db/migrations/registry';
import { AppError } from '../../../shared/errors';
import { garblePages } from '../../helpers/damage';
import { openTestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const NOW = () => new Date('2026-11-27T09:30:00.000Z');

function refusal(act: () => unknown): AppError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  return expect.fail('it was opened');
}

describe('the start-up check', () => {
  it('a new desk (no file yet) is ok at once, checked now, in no time', () => {
    expect(checkAtStart(join(tempDir(), 'vikno.db'), tempDir(), NOW)).toEqual({
      result: 'ok',
      checkedAt: '2026-11-27T09:30:00.000Z',
      durationMs: 0,
    });
  });

  it('a path it cannot check (a file where a folder should be) is a STORAGE error that says so, not "read-only"', () => {
    const file = join(tempDir(), 'data');
    writeFileSync(file, '');
    const error = refusal(() => checkAtStart(join(file, 'vikno.db'), tempDir(), NOW));
    expect(error.code).toBe('STORAGE');
    expect(error.message).toMatch(/^Cannot check the data folder .*vikno\.db: ENOTDIR/);
  });

  it('a database path that is a folder cannot be opened: STORAGE, and not called damaged', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'vikno.db'));
    const error = refusal(() => checkAtStart(join(dir, 'vikno.db'), join(dir, 'backups'), NOW));
    expect(error.code).toBe('STORAGE');
    expect(error.message).toMatch(/^Cannot open the database .*vikno\.db: /);
    expect(error.message).not.toContain('damaged');
  });

  it('the refusal of a damaged database tells what to give IT', async () => {
    const dir = tempDir();
    const { db, file } = openTestDesk(dir);
    await takeBackup(db, join(dir, 'backups'), 7, NOW());
    db.close();
    garblePages(file, 2, 3);
    const error = refusal(() => checkAtStart(file, join(dir, 'backups'), NOW));
    expect(error.message).toContain('damaged');
    expect(error.message).toMatch(/then start Vikno again\. Work done after that backup is only in the damaged file, so give it to IT\.$/);
  });
});

describe('openDatabase', () => {
  it('in a folder that does not exist: STORAGE naming the file', () => {
    const file = join(tempDir(), 'missing', 'vikno.db');
    const error = refusal(() => openDatabase(file));
    expect(error.code).toBe('STORAGE');
    expect(error.message).toMatch(new RegExp(`^Cannot open the database ${file.replaceAll('/', '\\/')}: `));
  });

  it('written by a newer app: the migration’s own refusal, as it is, and the file closed again with nothing beside it', () => {
    const file = join(tempDir(), 'vikno.db');
    const future = new Database(file);
    future.pragma(`user_version = ${latestVersion(migrations) + 5}`);
    future.close();
    const error = refusal(() => openDatabase(file));
    expect(error.code).toBe('STORAGE');
    expect(error.message).toBe(
      `The database has schema version ${latestVersion(migrations) + 5}, newer than this app supports (${latestVersion(migrations)}). ` +
        'Install the newer Vikno version that wrote it; this one will not open it.',
    );
    // Closed: the write-ahead log the open switched on is gone again.
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});

describe('migrate', () => {
  it('asked for an older target than the database has, changes nothing and says where it is', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations)).toBe(latestVersion(migrations));
    expect(migrate(db, migrations, 1)).toBe(latestVersion(migrations));
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    db.close();
  });
});
