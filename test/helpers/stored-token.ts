import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { KEY_FILE } from '../../main/backend/config/device-key';
import { openSecret } from '../../main/backend/config/secret-box';

/** The raw sync_state value of `key` in a desk's database (read-only, so it works while the desk runs). */
export function rawSyncState(dbFile: string, key: string): string | null {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  } finally {
    db.close();
  }
}

/** A browser-host desk's device token in the clear: its sealed value opened with `<dataDir>/device-key`. */
export function storedDeviceToken(dataDir: string): string {
  const sealed = rawSyncState(join(dataDir, 'vikno.db'), 'device_token');
  if (sealed === null) throw new Error(`The desk in ${dataDir} holds no device token`);
  return openSecret(readFileSync(join(dataDir, KEY_FILE)), sealed);
}
