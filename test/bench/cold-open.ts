/**
 * Cold open in a fresh process: the bench runs cold-open-child.ts (bundled beside the bench as
 * cold-open.cjs) on the database, so the timing includes nothing the parent had cached in its
 * heap or in SQLite's page cache — only what a restarted backend has — and the RSS is that of a
 * process holding the desk backend's modules, not the bench's. The OS page cache is still warm
 * from the parent's work (dropping it needs root), so this is a restart, not a first boot.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

export interface ColdOpen {
  /** openDatabase: the start check of the hot tables (db/integrity.ts), pragmas, migrations check; then the issued-numbers file. */
  totalMs: number;
  quickCheckMs: number;
  /** process.memoryUsage().rss right after the open, in a process that loaded the desk backend's modules. */
  rssBytes: number;
  /** What the open added to it. */
  rssGrowthBytes: number;
}

/** The bench's child entries are bundled beside it (scripts/bench.ts). */
export function benchChild(name: string): string {
  const script = process.argv[1];
  if (script === undefined) throw new Error('Cannot tell where the bench bundle is');
  return join(dirname(script), `${name}.cjs`);
}

/** Runs the child `runs` times (the database must be closed) and returns every run. */
export function measureColdOpens(file: string, runs: number): ColdOpen[] {
  const results: ColdOpen[] = [];
  for (let i = 0; i < runs; i += 1) {
    const child = spawnSync(process.execPath, [benchChild('cold-open'), file], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`The cold-open child failed: ${child.stderr}`);
    results.push(JSON.parse(child.stdout) as ColdOpen);
  }
  return results;
}
