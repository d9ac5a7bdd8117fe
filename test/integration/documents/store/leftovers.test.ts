import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../../main/backend/index';
import { memoryLogger } from '../../../helpers/memory-logger';
import { useTempDirs } from '../../../helpers/temp-dir';
import { RECEIPT_FONTS } from './store-harness';

const tempDir = useTempDirs();

describe('a desk starting after a crash', () => {
  it('removes half-sent imports and the work folders of scans that never ended', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(join(dataDir, 'imports'), { recursive: true });
    mkdirSync(join(dataDir, 'scan-work', 'old-scan'), { recursive: true });
    writeFileSync(join(dataDir, 'imports', 'old-import'), 'half a file');
    writeFileSync(join(dataDir, 'scan-work', 'old-scan', 'page-1.pnm'), 'half a page');
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ documents: { scanner: { adapter: 'none' } } }));
    const backend = createBackend({ dataDir, appVersion: 'test', logger: memoryLogger(), fontDir: RECEIPT_FONTS });
    try {
      expect(readdirSync(join(dataDir, 'imports'))).toEqual([]);
      expect(readdirSync(join(dataDir, 'scan-work'))).toEqual([]);
      expect(existsSync(join(dataDir, 'vikno.db'))).toBe(true);
    } finally {
      await backend.close();
    }
  });
});
