/**
 * The integrity check split of docs/ARCHITECTURE.md §5.1: the start checks the tables every start
 * needs, the whole file is checked on a worker thread after start. Real files, damaged the way a
 * failing disk damages them, in a real backend.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import type { IntegrityCheck } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { takeBackup } from '../../../main/backend/db/backup';
import { createFullChecker } from '../../../main/backend/db/full-check';
import { openDatabase } from '../../../main/backend/db/open';
import { createBackend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { registration } from '../../fixtures/crash/registration';
import { garblePages, PAGE } from '../../helpers/damage';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function pageBytes(file: string, page: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(PAGE);
    readSync(fd, bytes, 0, PAGE, (page - 1) * PAGE);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** A closed desk database in `<dir>/vikno.db` with 60 registrations, and one good backup of it. */
async function deskWithBackup(): Promise<{ dataDir: string; file: string; backup: string }> {
  const dataDir = tempDir();
  const { db, env, file } = openTestDesk(dataDir);
  const applicant = addApplicant(env);
  for (let i = 0; i < 60; i += 1) registerApplication(env, registration(applicant.id, 5));
  const backup = await takeBackup(db, join(dataDir, 'backups'), 7, new Date('2026-11-27T18:00:00Z'));
  db.close();
  return { dataDir, file, backup: backup.file };
}

/** A page of `table`'s own b-tree that is not its root (dbstat names every page's owner). */
function pageOf(file: string, table: string): number {
  const probe = new Database(file, { readonly: true });
  try {
    const page = probe
      .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1")
      .pluck()
      .get(table);
    if (typeof page !== 'number') throw new Error(`${table} has no leaf page`);
    return page;
  } finally {
    probe.close();
  }
}

/** The next `storage.integrity` event that is not `running`. */
function nextVerdict(api: ReturnType<typeof connectInProcess>): Promise<IntegrityCheck> {
  return new Promise((resolve) => {
    api.on('storage.integrity', (check) => {
      if (check.state !== 'running') resolve(check);
    });
  });
}

it('damage outside the start-checked tables: the desk starts, the background check finds it and reports it with the backup; the damage stays as found and no backup is taken over the good one', async () => {
  const { dataDir, file, backup } = await deskWithBackup();
  const page = pageOf(file, 'application_items');
  garblePages(file, page, page);
  const damage = pageBytes(file, page);

  const logger = memoryLogger();
  const backend = createBackend({ dataDir, appVersion: '1.0.0', logger });
  try {
    const api = connectInProcess(backend);
    const verdict = nextVerdict(api);
    const found = await verdict;
    expect(found).toMatchObject({ state: 'damaged', backup });
    expect(found.state === 'damaged' && found.problem).toMatch(/malformed|Tree|page/);
    const health = await api.call('app.health', {});
    expect(health).toMatchObject({ ok: true, value: { integrity: { state: 'damaged', backup } } });
    // The daily backup was due at start (the good one is days old): its turn comes after the check, and is passed.
    await vi.waitFor(() => expect(logger.entries.map((e) => e.fields['error'])).toContain('No backup taken: the database is damaged'));
  } finally {
    await backend.close();
  }
  // What the start wrote before the check answered reaches the file at close; the damaged page is never rewritten.
  expect(pageBytes(file, page).equals(damage)).toBe(true);
  // A damaged file is not copied over the good backup.
  expect(readdirSync(join(dataDir, 'backups'))).toEqual([backup.split('/').at(-1)]);
});

it('a command on a database found damaged refuses before writing: no row of it anywhere', async () => {
  const { dataDir, file, backup } = await deskWithBackup();
  garblePages(file, pageOf(file, 'application_receipts'), pageOf(file, 'application_receipts'));
  const { db, env } = openTestDesk(dataDir);
  try {
    const check = await createFullChecker(db, file, { backupsDir: join(dataDir, 'backups') }).run();
    expect(check).toMatchObject({ state: 'damaged', backup });
    const outbox = db.prepare('SELECT count(*) FROM outbox').pluck().get();
    const audit = db.prepare('SELECT count(*) FROM audit_events').pluck().get();
    let refused: unknown;
    try {
      registerApplication(env, registration(db.prepare('SELECT id FROM applicants LIMIT 1').pluck().get() as string, 1));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('STORAGE');
    expect((refused as AppError).message).toContain(`The newest good backup is ${backup}`);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(outbox);
    expect(db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(audit);
    // Writers that are not commands are stopped by SQLite itself.
    expect(() => db.prepare("UPDATE desk_meta SET value = value WHERE key = 'x'").run()).toThrow(/readonly/i);
  } finally {
    db.close();
  }
});

it('damage in a start-checked table is still refused at start, the file untouched', async () => {
  const { file } = await deskWithBackup();
  const probe = new Database(file, { readonly: true });
  const root = probe.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'registration_sequences'").pluck().get() as number;
  probe.close();
  garblePages(file, root, root);
  const before = sha256(file);
  expect(() => openDatabase(file)).toThrow(/is damaged \(.*\)\. Vikno has not changed or removed it\. The newest good backup is/);
  expect(sha256(file)).toBe(before);
});

it('a sound database: the background check says ok, and app.health tells every window', async () => {
  const { dataDir } = await deskWithBackup();
  const backend = createBackend({ dataDir, appVersion: '1.0.0', logger: memoryLogger() });
  try {
    const api = connectInProcess(backend);
    expect(await nextVerdict(api)).toMatchObject({ state: 'ok', durationMs: expect.any(Number) });
    expect(await api.call('app.health', {})).toMatchObject({ ok: true, value: { integrity: { state: 'ok' } } });
  } finally {
    await backend.close();
  }
});
