/** `npm run start:browser -- [--data DIR] [--port N]`: build if needed, then run the browser host. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildAll } from './build.ts';
import { buildIsStale } from './build-freshness.ts';

const root = join(import.meta.dirname, '..');
if (buildIsStale(root)) {
  process.stdout.write('Building Vikno…\n');
  await buildAll();
}
const child = spawn(process.execPath, [join(root, 'dist', 'main', 'browser-host.cjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
