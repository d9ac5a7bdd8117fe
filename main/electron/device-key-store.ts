/**
 * Under Electron the desk's device key (main/backend/config/device-key.ts) is kept by main, encrypted
 * with the OS keychain (`safeStorage`: DPAPI on Windows, Keychain on macOS, libsecret/kwallet on
 * Linux) in `<userData>/device-key.safe`, and handed to each backend process it starts in its
 * environment. `safeStorage` is injected, so this is unit-tested without Electron.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEVICE_KEY_BYTES as KEY_BYTES } from '../../shared/backend-process';

export const SAFE_KEY_FILE = 'device-key.safe';

/** What this uses of Electron's safeStorage. */
export interface KeyChain {
  isEncryptionAvailable(): boolean;
  /** Linux only: `basic_text` means no keychain answered and Electron would use a fixed password. */
  getSelectedStorageBackend?(): string;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
}

export interface KeyStoreFile {
  read(): Buffer | null;
  write(data: Buffer): void;
}

export type StoredKey =
  /** `replaced`: the stored one could not be decrypted (another user profile, a reset keychain): the desk must be enrolled again. */
  | { kind: 'key'; key: Buffer; created: boolean; replaced: boolean }
  /** No keychain: the backend keeps its own owner-only key file instead. */
  | { kind: 'no-keychain' };

function decrypted(chain: KeyChain, stored: Buffer): Buffer | null {
  try {
    const key = Buffer.from(chain.decryptString(stored), 'base64');
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/** The device key main hands to the backend: the stored one, or a new one stored now. Never throws. */
export function deviceKeyFromKeyChain(chain: KeyChain, file: KeyStoreFile, random: (n: number) => Buffer = randomBytes): StoredKey {
  if (!chain.isEncryptionAvailable() || chain.getSelectedStorageBackend?.() === 'basic_text') return { kind: 'no-keychain' };
  const stored = file.read();
  const existing = stored ? decrypted(chain, stored) : null;
  if (existing) return { kind: 'key', key: existing, created: false, replaced: false };
  const key = random(KEY_BYTES);
  try {
    file.write(chain.encryptString(key.toString('base64')));
  } catch {
    // A keychain that will not encrypt, or a file that cannot be written: the backend's own key
    // file still protects the token, and the backend reports a folder it cannot write.
    return { kind: 'no-keychain' };
  }
  return { kind: 'key', key, created: true, replaced: stored !== null };
}

/** `<userData>/device-key.safe`, owner-only. */
export function keyStoreFile(userData: string): KeyStoreFile {
  const path = join(userData, SAFE_KEY_FILE);
  return {
    read() {
      try {
        return readFileSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    write(data) {
      mkdirSync(userData, { recursive: true, mode: 0o700 });
      writeFileSync(path, data, { mode: 0o600 });
    },
  };
}

/** What the backend's `start` message carries: the key in base64, or null (it keeps its own key file). */
export function keyForBackend(stored: StoredKey): string | null {
  return stored.kind === 'key' ? stored.key.toString('base64') : null;
}
