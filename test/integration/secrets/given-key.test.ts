/**
 * The device key as Electron's main hands it over (BackendConfig.deviceKey, from the keychain):
 * the backend seals with it and keeps no key file of its own. A real backend on a temp folder.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE } from '../../../main/backend/config/device-key';
import { openSecret } from '../../../main/backend/config/secret-box';
import { createBackend } from '../../../main/backend/index';
import { writeDb } from '../sync/desk-harness';
import { memoryLogger } from '../../helpers/memory-logger';
import { rawSyncState } from '../../helpers/stored-token';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function startAndClose(dataDir: string, deviceKey: Buffer) {
  const logger = memoryLogger();
  const backend = createBackend({ dataDir, appVersion: 'test', logger, deviceKey });
  await backend.close();
  return logger;
}

describe('a device key handed over by Electron main', () => {
  it('seals the token with it, and no key file is written to the data folder', async () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    await startAndClose(dataDir, key);
    expect(existsSync(join(dataDir, KEY_FILE))).toBe(false);
    writeDb(join(dataDir, 'vikno.db'), (db) =>
      db.prepare("INSERT INTO sync_state (key, value) VALUES ('device_token', 'token-of-desk-07')").run(),
    );

    await startAndClose(dataDir, key);
    const sealed = rawSyncState(join(dataDir, 'vikno.db'), 'device_token') ?? '';
    expect(openSecret(key, sealed)).toBe('token-of-desk-07');
    expect(existsSync(join(dataDir, KEY_FILE))).toBe(false);

    // Another key (a reset keychain): the desk starts and says it must be enrolled again.
    const logger = await startAndClose(dataDir, randomBytes(32));
    expect(logger.entries.map((e) => e.message)).toContainEqual(expect.stringContaining('enroll this desk again'));
  });
});
