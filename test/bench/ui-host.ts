/**
 * The built browser host for the browser section. The bench runs as one CommonJS bundle in
 * dist/bench, where `import.meta` is empty: paths come from the bundle's own folder, not from
 * test/helpers/built-app.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { buildIsStale } from '../../scripts/build-freshness';

export const root = join(__dirname, '..', '..');

/** `npm run build` when a source is newer than dist/, so the figures are of the code as it is. */
export function ensureBuiltApp(): void {
  if (!buildIsStale(root)) return;
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts')], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

export interface RunningHost {
  url: string;
  stop(): Promise<void>;
}

/** Starts dist/main/browser-host.cjs on `dataDir` and a free port; resolves once it prints its URL. */
export function startBrowserHost(dataDir: string): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'dist', 'main', 'browser-host.cjs'), '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /is running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, stop });
    });
    child.once('exit', (code) => reject(new Error(`The browser host exited with ${code} before it was ready: ${err}`)));
  });
}
