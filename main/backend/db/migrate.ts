import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

export interface Migration {
  /**
   * The file's number, and `user_version` after it ran. Numbers ascend; one may be skipped (work
   * done in parallel reserves its numbers ahead), and a skipped number is simply never a version.
   */
  version: number;
  name: string;
  up(db: Db): void;
  /**
   * Drops and re-creates a table other tables refer to (SQLite's way of changing a CHECK). Foreign
   * keys are off while it runs, as SQLite requires for that; the whole database is checked for
   * broken references before the transaction commits.
   */
  rebuildsTables?: boolean;
}

/**
 * Runs every pending migration in one transaction, so a failure leaves the old schema whole.
 * A database written by a newer app is refused, never opened.
 */
export function migrate(db: Db, registry: readonly Migration[], target = latestVersion(registry)): number {
  registry.forEach((m, index) => {
    const previous = index === 0 ? 0 : registry[index - 1]!.version;
    if (m.version <= previous) throw new Error(`Migration ${m.name} is numbered ${m.version}, after ${previous}: numbers must ascend`);
  });
  const latest = latestVersion(registry);
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new AppError(
      'STORAGE',
      `The database has schema version ${current}, newer than this app supports (${latest}). ` +
        'Install the newer Vikno version that wrote it; this one will not open it.',
    );
  }
  const pending = registry.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  const reached = pending.at(-1)!.version;
  const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
  const keysOff = keysWereOn && pending.some((m) => m.rebuildsTables === true);
  // foreign_keys cannot change inside a transaction: it is turned off before and back on after.
  if (keysOff) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) m.up(db);
      if (keysOff) assertNoBrokenReferences(db);
      db.pragma(`user_version = ${reached}`);
    })();
  } finally {
    if (keysOff) db.pragma('foreign_keys = ON');
  }
  return reached;
}

/** The schema version a database has once every migration of `registry` ran. */
export function latestVersion(registry: readonly Migration[]): number {
  return registry.at(-1)?.version ?? 0;
}

function assertNoBrokenReferences(db: Db): void {
  const broken = db.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
  if (broken.length > 0) {
    const first = broken[0]!;
    throw new Error(`Migration left ${broken.length} broken references (first: ${first.table} → ${first.parent})`);
  }
}
