import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every log file in `<dataDir>/logs` (one per day, docs/IT.md), oldest first, as one text. */
export function readLogs(dataDir: string): string {
  const dir = join(dataDir, 'logs');
  return readdirSync(dir)
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
}
