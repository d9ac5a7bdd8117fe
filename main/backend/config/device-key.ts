/**
 * The desk's device key, which seals the device token in the database (config/secret-box.ts).
 * Where it comes from:
 * - Electron: main keeps it under the OS keychain (`safeStorage`, main/electron/device-key-store.ts)
 *   and hands it to the backend process in `VIKNO_DEVICE_KEY` (base64); the backend takes it out of
 *   its environment at once, so programs it starts (scanner tools) never inherit it.
 * - Browser host (and Electron where no keychain is available): the file `<dataDir>/device-key`,
 *   32 random bytes, owner-only (0600), made on first need.
 * A copy of the database (a backup) without the key does not give away the token.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DEVICE_KEY_BYTES as KEY_BYTES, DEVICE_KEY_ENV } from '../../../shared/backend-process';

export { DEVICE_KEY_ENV };

export const KEY_FILE = 'device-key';

/** What the backend was handed, if anything: the key, or why the value cannot be one. */
export type GivenKey = { kind: 'none' } | { kind: 'key'; key: Buffer } | { kind: 'invalid'; reason: string };

/** Reads the key handed over in the environment and removes it from there. */
export function takeGivenKey(env: NodeJS.ProcessEnv = process.env): GivenKey {
  const text = env[DEVICE_KEY_ENV];
  delete env[DEVICE_KEY_ENV];
  if (text === undefined || text === '') return { kind: 'none' };
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || key.length !== KEY_BYTES)
    return { kind: 'invalid', reason: `${DEVICE_KEY_ENV} must be ${KEY_BYTES} bytes in base64` };
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
