import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { givenKey, KEY_FILE, readOrCreateKeyFile } from '../../../main/backend/config/device-key';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('the device key file (browser host)', () => {
  it('is made on first need: 32 random bytes, owner-only, then read back unchanged', () => {
    const dir = tempDir();
    const made = readOrCreateKeyFile(dir);
    expect(made.created).toBe(true);
    expect(made.key.length).toBe(32);
    const stat = statSync(join(dir, KEY_FILE));
    if (process.platform !== 'win32') expect(stat.mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, KEY_FILE)).equals(made.key)).toBe(true);
    const again = readOrCreateKeyFile(dir);
    expect(again).toEqual({ key: made.key, created: false });
    expect(readOrCreateKeyFile(tempDir()).key.equals(made.key)).toBe(false);
  });

  it('sets a damaged file aside (never deletes it) and makes a new key', () => {
    const dir = tempDir();
    writeFileSync(join(dir, KEY_FILE), 'short');
    const result = readOrCreateKeyFile(dir, new Date('2026-12-04T10:00:00.000Z'));
    expect(result.created).toBe(true);
    expect(result.setAside).toBe(join(dir, `${KEY_FILE}.damaged-2026-12-04T10-00-00-000Z`));
    expect(readFileSync(result.setAside ?? '', 'utf8')).toBe('short');
    expect(readFileSync(join(dir, KEY_FILE)).equals(result.key)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([KEY_FILE, `${KEY_FILE}.damaged-2026-12-04T10-00-00-000Z`]);
  });

  it('reports a folder it cannot write instead of making up a key', () => {
    const missing = join(tempDir(), 'no', 'such', 'folder');
    expect(() => readOrCreateKeyFile(missing)).toThrow(/ENOENT/);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('the device key handed over by Electron main', () => {
  it('is the 32 bytes its start message carries in base64', () => {
    const key = Buffer.alloc(32, 7);
    expect(givenKey(key.toString('base64'))).toEqual({ kind: 'key', key });
  });

  it('is none when the message carries null (the backend then keeps its key file)', () => {
    expect(givenKey(null)).toEqual({ kind: 'none' });
  });

  it.each([Buffer.alloc(16).toString('base64'), 'not base64!', `${Buffer.alloc(32).toString('base64')}x`, 42, ''])(
    'refuses %j as a key',
    (text) => {
      expect(givenKey(text)).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('32 bytes') as string });
    },
  );
});
