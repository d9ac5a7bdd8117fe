/**
 * `npm run server -- [--data DIR] [--port N] | enroll --center C --desk D | revoke --device ID`:
 * bundles server/main.ts into dist/server/server.cjs and the kiosk, board and bookings pages into
 * dist/server/pages, then runs it with the arguments.
 * PGlite and pg stay external: PGlite loads its WebAssembly and data files from its package.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { buildPages } from '../server/pages/build-pages.ts';
import { runChild } from './run-child.ts';

const root = join(import.meta.dirname, '..');
const outfile = join(root, 'dist', 'server', 'server.cjs');

await build({
  entryPoints: [join(root, 'server', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['@electric-sql/pglite', 'pg', 'pg-native'],
  logLevel: 'warning',
});
await buildPages(join(root, 'dist', 'server', 'pages'));
runChild(outfile, process.argv.slice(2));
