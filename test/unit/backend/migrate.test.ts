import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { latestVersion, migrate } from '../../../main/backend/db/migrate';
import type { Migration } from '../../../main/backend/db/migrate';
import { openDatabase, schemaVersion } from '../../../main/backend/db/open';
import { migrations } from '../../../main/backend/db/migrations/registry';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('opening the desk database', () => {
  it('creates a fresh database at the latest schema with the required pragmas', () => {
    const db = openDatabase(join(tempDir(), 'vikno.db'));
    expect(schemaVersion(db)).toBe(latestVersion(migrations));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.prepare("SELECT value FROM desk_meta WHERE key = 'created_at'").pluck().get()).toMatch(/^\d{4}-/);
    db.close();
  });

  it('refuses a database written by a newer app, naming both versions, and leaves it untouched', () => {
    const file = join(tempDir(), 'vikno.db');
    const future = new Database(file);
    future.pragma(`user_version = ${latestVersion(migrations) + 5}`);
    future.close();
    expect(() => openDatabase(file)).toThrow(AppError);
    expect(() => openDatabase(file)).toThrow(
      new RegExp(`schema version ${latestVersion(migrations) + 5}.*supports \\(${latestVersion(migrations)}\\)`),
    );
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(latestVersion(migrations) + 5);
    after.close();
  });

  it('refuses a file that is not a database with a STORAGE error', () => {
    const file = join(tempDir(), 'vikno.db');
    writeFileSync(file, 'this is not sqlite'.repeat(100));
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'STORAGE' }));
  });
});

describe('migrations', () => {
  it('are numbered in ascending order, each as its file', () => {
    migrations.forEach((m, i) => {
      expect(m.version).toBeGreaterThan(i === 0 ? 0 : migrations[i - 1]!.version);
      expect(m.name.startsWith(String(m.version).padStart(4, '0'))).toBe(true);
    });
  });

  it('skip a reserved number: a database reaches the highest version, and one out of order is refused', () => {
    const db = new Database(':memory:');
    const registry: Migration[] = [
      { version: 1, name: 'a', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 4, name: 'd', up: (d) => d.exec('CREATE TABLE d (x INTEGER) STRICT') },
    ];
    expect(migrate(db, registry, 3)).toBe(1);
    expect(migrate(db, registry)).toBe(4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(() => migrate(new Database(':memory:'), [registry[1]!, registry[0]!])).toThrow(/must ascend/);
  });

  it('run all pending in one transaction: a failing one leaves the old schema whole', () => {
    const db = new Database(':memory:');
    const registry: Migration[] = [
      { version: 1, name: 'a', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 2, name: 'b', up: (d) => d.exec('CREATE TABLE b (x INTEGER) STRICT') },
      { version: 3, name: 'broken', up: (d) => d.exec('CREATE TABLE oops (') },
    ];
    expect(() => migrate(db, registry)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    expect(migrate(db, registry.slice(0, 2))).toBe(2);
    expect(migrate(db, registry.slice(0, 2))).toBe(2);
    db.close();
  });

  it('refuses a registry that repeats a number', () => {
    const db = new Database(':memory:');
    const again: Migration = { version: 2, name: 'again', up: () => undefined };
    expect(() => migrate(db, [again, again])).toThrow(/must ascend/);
    db.close();
  });
});
