/** The desk config's `log.level` reaches the real backend's log file (docs/IT.md, Logs and diagnostics). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../main/backend/index';
import { readLogs } from '../../helpers/log-files';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function startAndStop(level: string | null): Promise<string> {
  const dataDir = join(tempDir(), 'desk');
  mkdirSync(dataDir, { mode: 0o700 });
  if (level) writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ log: { level } }));
  const backend = createBackend({ dataDir, appVersion: 'test' });
  await backend.close();
  return readLogs(dataDir);
}

describe('the desk log level', () => {
  it('is info by default, and what config.json says otherwise', async () => {
    expect(await startAndStop(null)).toContain('"msg":"Backend started"');
    expect(await startAndStop('info')).toContain('"msg":"Backend started"');
    const quiet = await startAndStop('warn');
    expect(quiet).not.toContain('Backend started');
    expect(quiet).not.toContain('Backend stopped');
  });
});
