/**
 * Cold open in a fresh process: the bench re-runs its own bundle with COLD_OPEN_ENV naming the
 * database, so the timing includes nothing the parent had cached in its heap or in SQLite's
 * page cache — only what a restarted backend has. The OS page cache is still warm from the
 * parent's work (dropping it needs root), so this is a restart, not a first boot.
 */
import { spawnSync } from 'node:child_process';
import { openDatabase } from '../../main/backend/db/open';
import { startCheckOf } from '../../main/backend/db/integrity';

export const COLD_OPEN_ENV = 'VIKNO_BENCH_COLD_OPEN';

export interface ColdOpen {
  /** openDatabase: the start check of the hot tables (db/integrity.ts), pragmas, migrations check. */
  totalMs: number;
  quickCheckMs: number;
  /** process.memoryUsage().rss right after the open. */
  rssBytes: number;
  /**
   * What the open added to it: the child is the whole bench bundle (PGlite, the server, every
   * section's code), so its RSS holds more than a desk backend loads; the growth is the open's own.
   */
  rssGrowthBytes: number;
}

/** The child's side: open once, print the measurement as one JSON line, exit. */
export function runColdOpenChild(file: string): void {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const db = openDatabase(file);
  const totalMs = performance.now() - started;
  const rssBytes = process.memoryUsage().rss;
  const check = startCheckOf(db);
  db.close();
  if (!check) throw new Error('openDatabase did not record its start check');
  const result: ColdOpen = { totalMs, quickCheckMs: check.durationMs, rssBytes, rssGrowthBytes: rssBytes - rssBefore };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** The parent's side: runs the child `runs` times (the database must be closed) and returns every run. */
export function measureColdOpens(file: string, runs: number): ColdOpen[] {
  const script = process.argv[1];
  if (script === undefined) throw new Error('Cannot tell which script to re-run for the cold open');
  const results: ColdOpen[] = [];
  for (let i = 0; i < runs; i += 1) {
    const child = spawnSync(process.execPath, [script], { env: { ...process.env, [COLD_OPEN_ENV]: file }, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`The cold-open child failed: ${child.stderr}`);
    results.push(JSON.parse(child.stdout) as ColdOpen);
  }
  return results;
}
