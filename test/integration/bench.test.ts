import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/built-app';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
/** A quick bench run is a whole desk, back office and PostgreSQL at work: on a loaded 2-core machine it has taken 90 s. */
const BENCH_RUN_TIMEOUT_MS = 300_000;

describe('npm run bench --quick', () => {
  it(
    'prints a table with the CPU model and writes the same figures as JSON',
    () => {
      const out = join(tempDir(), 'bench.json');
      const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'bench.ts'), '--quick', '--out', out], {
        cwd: repoRoot,
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      const json = JSON.parse(readFileSync(out, 'utf8')) as {
        machine: { cpu: string };
        figures: Array<{ name: string; value: number; unit: string }>;
      };
      expect(result.stdout).toContain(json.machine.cpu);
      expect(json.figures.length).toBeGreaterThanOrEqual(6);
      for (const figure of json.figures) {
        expect(Number.isFinite(figure.value)).toBe(true);
        expect(figure.value).toBeGreaterThan(0);
        expect(result.stdout).toContain(figure.name);
      }
      expect(json.figures.map((f) => f.name)).toContain('contract call over WebSocket p99');
    },
    BENCH_RUN_TIMEOUT_MS,
  );

  it(
    'runs one section with --only, and names the sections when told one it does not have',
    () => {
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [join(repoRoot, 'scripts', 'bench.ts'), '--quick', ...args], { cwd: repoRoot, encoding: 'utf8' });
      const rpc = run('--only', 'rpc');
      expect(rpc.status, rpc.stderr).toBe(0);
      expect(rpc.stdout).toContain('contract call over WebSocket p99');
      expect(rpc.stdout).not.toContain('register application');
      expect(rpc.stdout).not.toContain('sync push');
      const wrong = run('--only', 'disk');
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toContain('--only takes one of rpc, store, sync, queue, documents, region, not "disk"');
    },
    BENCH_RUN_TIMEOUT_MS,
  );

  it(
    'drives a region of desks against the back office on PostgreSQL with --only region, every record reaching its center',
    () => {
      // The run fails (status 1) if any mutation is not applied or any record never reaches every other desk of its center.
      const region = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'bench.ts'), '--quick', '--only', 'region'], {
        cwd: repoRoot,
        encoding: 'utf8',
      });
      expect(region.status, region.stderr).toBe(0);
      for (const figure of ['sustained mutations/s', 'push p99', 'pull lag p99', 'back-office RSS', 'PostgreSQL size per 1M applications'])
        expect(region.stdout).toContain(figure);
      expect(region.stdout).not.toContain('sync push');
    },
    BENCH_RUN_TIMEOUT_MS,
  );
});
