/**
 * `npm start`: build, then launch the real Electron app. The Electron binary is fetched the
 * first time it is resolved; where that cannot happen (no internet, a build machine) we say
 * so in one sentence and exit non-zero instead of printing a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
export const MISSING_ELECTRON =
  'The Electron binary is not available on this machine (it could not be downloaded), so run Vikno in a browser instead with: npm run start:browser';

function electronBinary(): string | null {
  // Resolving 'electron' downloads the binary on first use; do it in a child so a failure is contained.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const path = probe.status === 0 ? probe.stdout.trim() : '';
  return path !== '' && existsSync(path) ? path : null;
}

const binary = electronBinary();
if (!binary) {
  process.stderr.write(MISSING_ELECTRON + '\n');
  process.exit(1);
}
const { buildAll } = await import('./build.ts');
await buildAll();
const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
