import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildIsStale } from '../../scripts/build-freshness';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** Builds dist/ when a source is newer than the last build, so tests run what the user runs. */
export function ensureBuilt(): void {
  if (!buildIsStale(repoRoot)) return;
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.ts')], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}
