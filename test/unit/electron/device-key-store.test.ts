import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviceKeyFromKeyChain, keyForBackend, keyStoreFile, SAFE_KEY_FILE } from '../../../main/electron/device-key-store';
import type { KeyChain } from '../../../main/electron/device-key-store';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/**
 * A stand-in for Electron's safeStorage (Electron cannot run here): "encrypts" by tagging with the
 * profile's name and reversing, so another profile's data does not decrypt, as with the real keychain.
 */
function keyChainStandIn(profile = 'clerk', options: { available?: boolean; backend?: string } = {}): KeyChain {
  const tag = `${profile}:`;
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (text) => Buffer.from(tag + text).reverse(),
    decryptString: (data) => {
      const text = Buffer.from(data).reverse().toString('utf8');
      if (!text.startsWith(tag)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice(tag.length);
    },
  };
}

describe('the device key under Electron (main, safeStorage)', () => {
  it('is made once, kept only encrypted by the keychain in an owner-only file, and the same at every start', () => {
    const userData = join(tempDir(), 'Vikno');
    const first = deviceKeyFromKeyChain(keyChainStandIn(), keyStoreFile(userData));
    expect(first).toMatchObject({ kind: 'key', created: true, replaced: false });
    if (first.kind !== 'key') throw new Error('no key');
    expect(first.key.length).toBe(32);
    const file = join(userData, SAFE_KEY_FILE);
    expect(readFileSync(file).includes(Buffer.from(first.key.toString('base64')))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(deviceKeyFromKeyChain(keyChainStandIn(), keyStoreFile(userData))).toEqual({ ...first, created: false });
  });

  it('is what the backend process’s start message carries, in base64; nothing without a keychain', () => {
    const key = Buffer.alloc(32, 9);
    expect(keyForBackend({ kind: 'key', key, created: false, replaced: false })).toBe(key.toString('base64'));
    expect(keyForBackend({ kind: 'no-keychain' })).toBeNull();
  });

  it.each([
    ['no keychain at all', { available: false }],
    ['Linux with no keychain answering (basic_text)', { backend: 'basic_text' }],
  ])('with %s, leaves the key to the backend’s own key file and writes nothing', (_, options) => {
    const userData = tempDir();
    expect(deviceKeyFromKeyChain(keyChainStandIn('clerk', options), keyStoreFile(userData))).toEqual({ kind: 'no-keychain' });
    expect(keyStoreFile(userData).read()).toBeNull();
  });

  it('replaces a stored key the keychain cannot decrypt (another profile), saying so', () => {
    const userData = tempDir();
    const old = deviceKeyFromKeyChain(keyChainStandIn('other'), keyStoreFile(userData));
    const now = deviceKeyFromKeyChain(keyChainStandIn('clerk'), keyStoreFile(userData));
    expect(now).toMatchObject({ kind: 'key', created: true, replaced: true });
    if (old.kind !== 'key' || now.kind !== 'key') throw new Error('no key');
    expect(now.key.equals(old.key)).toBe(false);
    expect(deviceKeyFromKeyChain(keyChainStandIn('clerk'), keyStoreFile(userData))).toEqual({ ...now, created: false, replaced: false });
  });

  it('replaces a stored value that decrypts to no 32-byte key', () => {
    const userData = tempDir();
    keyStoreFile(userData).write(keyChainStandIn().encryptString(Buffer.alloc(16).toString('base64')));
    expect(deviceKeyFromKeyChain(keyChainStandIn(), keyStoreFile(userData))).toMatchObject({ kind: 'key', created: true, replaced: true });
  });

  it('falls back to the backend’s key file when the keychain will not encrypt', () => {
    const chain = {
      ...keyChainStandIn(),
      encryptString: () => {
        throw new Error('keychain locked');
      },
    };
    expect(deviceKeyFromKeyChain(chain, keyStoreFile(tempDir()))).toEqual({ kind: 'no-keychain' });
  });
});
