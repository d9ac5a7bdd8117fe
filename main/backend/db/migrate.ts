import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

export interface Migration {
  /** 1, 2, 3… — equal to the file's number and to `user_version` after it ran. */
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
export function migrate(db: Db, registry: readonly Migration[], target = registry.length): number {
  registry.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migration ${m.name} is numbered ${m.version}, expected ${index + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > registry.length) {
    throw new AppError(
      'STORAGE',
      `The database has schema version ${current}, newer than this app supports (${registry.length}). ` +
        'Install the newer Vikno version that wrote it; this one will not open it.',
    );
  }
  const pending = registry.slice(current, target);
  if (pending.length === 0) return current;
  const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
  const keysOff = keysWereOn && pending.some((m) => m.rebuildsTables === true);
  // foreign_keys cannot change inside a transaction: it is turned off before and back on after.
  if (keysOff) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) m.up(db);
      if (keysOff) assertNoBrokenReferences(db);
      db.pragma(`user_version = ${target}`);
    })();
  } finally {
    if (keysOff) db.pragma('foreign_keys = ON');
  }
  return target;
}

function assertNoBrokenReferences(db: Db): void {
  const broken = db.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
  if (broken.length > 0) {
    const first = broken[0]!;
    throw new Error(`Migration left ${broken.length} broken references (first: ${first.table} → ${first.parent})`);
  }
}
