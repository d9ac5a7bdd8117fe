/**
 * The desk's device key, which seals the device token in the database (config/secret-box.ts).
 * Where it comes from:
 * - Electron: main keeps it under the OS keychain (`safeStorage`, main/electron/device-key-store.ts)
 *   and hands it to the backend process in the first message over its process channel (`start`,
 *   shared/backend-process.ts): never in the environment, which programs the backend starts
 *   (scanner tools) would inherit and other programs of the user could read.
 * - Browser host (and Electron where no keychain is available): the file `<dataDir>/device-key`,
 *   32 random bytes, owner-only (0600), made on first need.
 * A copy of the database (a backup) without the key does not give away the token.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DEVICE_KEY_BYTES as KEY_BYTES } from '../../../shared/backend-process';

export const KEY_FILE = 'device-key';

/** What the backend was handed, if anything: the key, or why the value cannot be one. */
export type GivenKey = { kind: 'none' } | { kind: 'key'; key: Buffer } | { kind: 'invalid'; reason: string };

/** The key main's `start` message carried (base64), or none when it carried null. */
export function givenKey(text: unknown): GivenKey {
  if (text === null || text === undefined) return { kind: 'none' };
  const key = typeof text === 'string' ? Buffer.from(text, 'base64') : Buffer.alloc(0);
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(text) || key.length !== KEY_BYTES)
    return { kind: 'invalid', reason: `the device key must be ${KEY_BYTES} bytes in base64` };
  return { kind: 'key', key };
}

export interface KeyFileResult {
  key: Buffer;
  /** The key file was made now (first start, or the old one was missing or damaged). */
  created: boolean;
  /** Where a damaged key file was moved aside to, if one was. */
  setAside?: string;
}

function createKeyFile(file: string): Buffer {
  const key = randomBytes(KEY_BYTES);
  // 'wx': never replace a key another process wrote meanwhile; 0600 whatever the umask.
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, key);
  } finally {
    closeSync(fd);
  }
  return key;
}

/**
 * `<dataDir>/device-key`, made if missing. A file of the wrong length is set aside (never deleted:
 * IT may still recover it) and a new key is made; the token sealed under the old one then no
 * longer opens and the desk asks to be enrolled again.
 */
export function readOrCreateKeyFile(dataDir: string, now: Date = new Date()): KeyFileResult {
  const file = join(dataDir, KEY_FILE);
  let stored: Buffer;
  try {
    stored = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { key: createKeyFile(file), created: true };
  }
  if (stored.length === KEY_BYTES) return { key: stored, created: false };
  const setAside = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, setAside);
  return { key: createKeyFile(file), created: true, setAside };
}
