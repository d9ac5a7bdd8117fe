/**
 * Entry of `npm run start:browser` (bundled to dist/main/browser-host.cjs):
 *   --data DIR   the data folder (default: see defaultDataDir)
 *   --port N     the loopback port (default 5710; 0 picks a free one)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from './backend/config/data-dir';
import { keepFilesOwnerOnly } from './backend/config/owner-only';
import { lockDataFolder } from './backend/storage/folder-lock';
import { startBrowserHost } from './backend/transport/browser-host-server';

export const DEFAULT_PORT = 5710;

function fatal(message: string): never {
  process.stderr.write(`Vikno: ${message}\n`);
  process.exit(2);
}

function readArgs(): { dataDir: string; port: number } {
  let values: { data?: string | undefined; port?: string | undefined };
  try {
    ({ values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' } }, strict: true }));
  } catch (error) {
    fatal(`${(error as Error).message}. Usage: npm run start:browser -- [--data DIR] [--port N]`);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fatal(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  }
  return { dataDir: resolve(values.data ?? defaultDataDir()), port };
}

async function main(): Promise<void> {
  keepFilesOwnerOnly();
  const { dataDir, port } = readArgs();
  // One desk process per data folder (storage/folder-lock.ts); released when this process exits.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  lockDataFolder(dataDir);
  const appRoot = join(__dirname, '..', '..');
  const { version } = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string };
  const host = await startBrowserHost({
    dataDir,
    port,
    rendererDir: join(appRoot, 'dist', 'renderer'),
    appVersion: version,
    // scripts/build.ts bundles it beside this file.
    receiptWorker: join(__dirname, 'receipt-worker.cjs'),
  });
  // Handlers go in before the URL is printed: whoever reads the line may signal at once.
  process.on('SIGINT', () => stop('SIGINT received'));
  process.on('SIGTERM', () => stop('SIGTERM received'));
  // Started by `npm run start:browser` (scripts/run-child.ts): that script is gone, so is its command.
  if (process.channel) process.once('disconnect', () => stop('the npm script that started it is gone'));
  process.stdout.write(`Vikno ${version} is running at ${host.url} (data: ${dataDir})\n`);

  let stopping = false;
  function stop(reason: string): void {
    // Ctrl+C reaches the whole process group, and npm's script passes it on again: shut down once.
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Vikno: ${reason}, shutting down\n`);
    host.close().then(
      () => process.exit(0),
      (error: unknown) => fatal(`shutdown failed: ${String(error)}`),
    );
  }
}

main().catch((error: unknown) => fatal(error instanceof Error ? error.message : String(error)));
