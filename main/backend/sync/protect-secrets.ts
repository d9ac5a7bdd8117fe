/**
 * At start: binds the device key to the database, seals the secrets an older desk kept in the
 * clear (in the database and in the backups it made), and says which secrets no longer open
 * (the device key was lost or replaced: the desk must be enrolled again).
 */
import Database from 'better-sqlite3';
import { listBackups } from '../db/backup';
import type { Db } from '../db/open';
import { isSealed, sealSecret } from '../config/secret-box';
import { bindDeviceKey, SEALED_KEYS, storedSecret, writeSealedState } from './sealed-state';
import type { SealedKey } from './sealed-state';

export interface SecretsReport {
  /** Secrets found in the clear in vikno.db and sealed now. */
  sealedNow: SealedKey[];
  /** Sealed under another key, or damaged: treated as absent. */
  unreadable: SealedKey[];
  /** Backups in which clear secrets were sealed now. */
  backupsSealed: string[];
  /** Backups that could not be checked or rewritten, with why. */
  backupsFailed: { file: string; error: string }[];
}

/**
 * Rewrites the whole file (VACUUM) after sealing: SQLite leaves the bytes of a replaced value in
 * the page's free space and in freed pages, so sealing the row alone would leave the clear token
 * in the file. The write-ahead log that held the old pages is then emptied.
 */
function wipeOldPages(db: Db): void {
  db.exec('VACUUM');
  if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('wal_checkpoint(TRUNCATE)');
}

function clearSecretsIn(db: Db): { name: SealedKey; value: string }[] {
  const rows = db
    .prepare(`SELECT key, value FROM sync_state WHERE key IN (${SEALED_KEYS.map(() => '?').join(', ')})`)
    .all(...SEALED_KEYS) as { key: SealedKey; value: string }[];
  return rows.filter((row) => !isSealed(row.value)).map((row) => ({ name: row.key, value: row.value }));
}

/** Seals a backup's clear secrets in place; false when it held none. */
function sealBackup(file: string, key: Buffer): boolean {
  const check = new Database(file, { readonly: true, fileMustExist: true });
  let clear: { name: SealedKey; value: string }[];
  try {
    clear = clearSecretsIn(check);
  } finally {
    check.close();
  }
  if (clear.length === 0) return false;
  const backup = new Database(file, { fileMustExist: true });
  try {
    const update = backup.prepare('UPDATE sync_state SET value = ? WHERE key = ?');
    backup.transaction(() => {
      for (const { name, value } of clear) update.run(sealSecret(key, value), name);
    })();
    wipeOldPages(backup);
  } finally {
    backup.close();
  }
  return true;
}

export function protectStoredSecrets(db: Db, key: Buffer, backupsDir: string): SecretsReport {
  bindDeviceKey(db, key);
  const report: SecretsReport = { sealedNow: [], unreadable: [], backupsSealed: [], backupsFailed: [] };
  const clear = clearSecretsIn(db);
  if (clear.length > 0) {
    db.transaction(() => {
      for (const { name, value } of clear) writeSealedState(db, name, value);
    })();
    wipeOldPages(db);
    report.sealedNow = clear.map((c) => c.name);
  }
  report.unreadable = SEALED_KEYS.filter((name) => storedSecret(db, name) === 'unreadable');
  for (const { file } of listBackups(backupsDir)) {
    try {
      if (sealBackup(file, key)) report.backupsSealed.push(file);
    } catch (error) {
      report.backupsFailed.push({ file, error: (error as Error).message });
    }
  }
  return report;
}
