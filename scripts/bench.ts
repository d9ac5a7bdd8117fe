/** `npm run bench`: bundles test/bench (it imports the backend's TypeScript) and runs it on this Node. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const outdir = join(root, 'dist', 'bench');
await build({
  // The children measure RSS in a process holding the desk backend's modules only (test/bench/desk-backend-modules.ts).
  entryPoints: {
    bench: join(root, 'test', 'bench', 'main.ts'),
    'cold-open': join(root, 'test', 'bench', 'cold-open-child.ts'),
    documents: join(root, 'test', 'bench', 'documents-child.ts'),
  },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  // Playwright finds its own files and browsers at run time: it stays a package, not bundled.
  external: [
    'better-sqlite3',
    'sharp',
    'bufferutil',
    'utf-8-validate',
    '@electric-sql/pglite',
    'pg',
    'pg-native',
    '@playwright/test',
    'playwright',
    'playwright-core',
  ],
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [join(outdir, 'bench.cjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
