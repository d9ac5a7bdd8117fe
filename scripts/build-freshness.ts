/** Whether dist/ is older than any source it is built from, so `start:browser` builds only when needed. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['main', 'renderer', 'shared', 'package.json', 'package-lock.json', 'vite.config.ts', 'scripts/build.ts'];

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function buildIsStale(root: string): boolean {
  const stamp = statSync(join(root, 'dist', '.build-stamp'), { throwIfNoEntry: false });
  if (!stamp) return true;
  return SOURCES.some((source) => newestMtime(join(root, source)) > stamp.mtimeMs);
}
