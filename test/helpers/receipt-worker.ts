/**
 * The receipt worker (main/backend/receipts/receipt-worker.ts) built with esbuild into a temp
 * folder, once per test file: a worker thread cannot load the TypeScript source through vitest,
 * and the tests must not depend on a stale dist/. Same options as scripts/build.ts's entry.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..');

/** Builds the worker bundle at the first call of the file (removed after it) and returns its path. */
export function useReceiptWorker(): () => string {
  let built: { dir: string; file: string } | null = null;
  afterAll(() => {
    if (built) rmSync(built.dir, { recursive: true, force: true });
  });
  return () => {
    if (!built) {
      const dir = mkdtempSync(join(tmpdir(), 'vikno-receipt-worker-'));
      const file = join(dir, 'receipt-worker.cjs');
      buildSync({
        entryPoints: [join(repoRoot, 'main', 'backend', 'receipts', 'receipt-worker.ts')],
        outfile: file,
        bundle: true,
        platform: 'node',
        target: 'node24',
        format: 'cjs',
        logLevel: 'warning',
      });
      built = { dir, file };
    }
    return built.file;
  };
}
