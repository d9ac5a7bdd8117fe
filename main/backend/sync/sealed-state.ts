/**
 * The secrets of sync_state — the device token and the desk's Ed25519 private key — are stored
 * sealed with the device key (config/secret-box.ts), and read and written only here. The key is
 * bound to the database connection once at start (createBackend), so the many readers of the
 * token (sync, queue, files, audit upload) need not carry it.
 */
import { isSealed, openSecret, sealSecret, SecretUnreadable } from '../config/secret-box';
import type { Db } from '../db/open';
import { readSyncState, writeSyncState } from './sync-state';

export type SealedKey = 'device_token' | 'desk_private_key';
export const SEALED_KEYS: readonly SealedKey[] = ['device_token', 'desk_private_key'];

const keys = new WeakMap<Db, Buffer>();

export function bindDeviceKey(db: Db, key: Buffer): void {
  keys.set(db, key);
}

/**
 * The clear value; null when there is none or it cannot be opened (no key bound, or another key:
 * the desk then counts as not enrolled and asks to be enrolled again). A value an older desk kept
 * in the clear is returned as it is; start-up seals it (sealStoredSecrets).
 */
export function readSealedState(db: Db, name: SealedKey): string | null {
  const stored = readSyncState(db, name);
  if (stored === null || !isSealed(stored)) return stored;
  const key = keys.get(db);
  if (!key) return null;
  try {
    return openSecret(key, stored);
  } catch (error) {
    if (error instanceof SecretUnreadable) return null;
    throw error;
  }
}

/** Null removes it. Throws when no device key is bound: a secret is never written in the clear. */
export function writeSealedState(db: Db, name: SealedKey, value: string | null): void {
  if (value === null) {
    writeSyncState(db, name, null);
    return;
  }
  const key = keys.get(db);
  if (!key) throw new Error(`No device key is bound to this database: ${name} cannot be stored`);
  writeSyncState(db, name, sealSecret(key, value));
}

/** The device token the back office issued at enrollment, the one way everything reads it. */
export function readDeviceToken(db: Db): string | null {
  return readSealedState(db, 'device_token');
}

export type StoredSecret = 'none' | 'sealed' | 'clear' | 'unreadable';

/** How a secret is stored now: what start-up reports and migrates. */
export function storedSecret(db: Db, name: SealedKey): StoredSecret {
  const stored = readSyncState(db, name);
  if (stored === null) return 'none';
  if (!isSealed(stored)) return 'clear';
  return readSealedState(db, name) === null ? 'unreadable' : 'sealed';
}
