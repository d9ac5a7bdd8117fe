/** `npm run start:browser -- [--data DIR] [--port N]`: build if needed, then run the browser host. */
import { join } from 'node:path';
import { buildAll } from './build.ts';
import { buildIsStale } from './build-freshness.ts';
import { runChild } from './run-child.ts';

const root = join(import.meta.dirname, '..');
if (buildIsStale(root)) {
  process.stdout.write('Building Vikno…\n');
  await buildAll();
}
runChild(join(root, 'dist', 'main', 'browser-host.cjs'), process.argv.slice(2));
