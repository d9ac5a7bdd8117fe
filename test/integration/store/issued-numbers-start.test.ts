/**
 * The backend opens the issued-numbers file at start (main/backend/index.ts), so what it finds
 * there is in the desk's log: a file it did not write kept aside, one it cannot make logged as an
 * error without stopping the desk. Real backend, real data folder.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ISSUED_NUMBERS_FILE } from '../../../main/backend/applications/issued-numbers-file';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

function start(dataDir: string) {
  const logger = memoryLogger();
  const backend = createBackend({ dataDir, appVersion: 'test', logger, now: () => new Date('2026-11-27T09:30:00Z') });
  open.push(backend);
  return { logger, api: connectInProcess(backend) };
}

describe('the issued-numbers file at backend start', () => {
  it('keeps a file the desk did not write aside and says so in the desk log', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, ISSUED_NUMBERS_FILE), 'not the file');
    const { logger } = start(dataDir);
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', message: expect.stringContaining('kept aside, a new one made') as string }),
    );
    expect(readdirSync(dataDir).filter((name) => name.startsWith(`${ISSUED_NUMBERS_FILE}.unreadable-`))).toHaveLength(1);
    expect(readdirSync(dataDir)).toContain(ISSUED_NUMBERS_FILE);
  });

  it('starts, and logs an error, when the file cannot be made; calls other than registering go on', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, `${ISSUED_NUMBERS_FILE}.tmp`));
    const { logger, api } = start(dataDir);
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'The issued-numbers file cannot be opened: registrations are refused until it can',
      }),
    );
    expect(await api.call('app.health', {})).toMatchObject({ ok: true });
  });
});
