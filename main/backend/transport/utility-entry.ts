/**
 * Entry of the backend's Electron `utilityProcess` (bundled to dist/main/backend.cjs), started
 * by main/electron/backend-process.ts with `--data DIR --version V`. A backend that cannot
 * start (corrupt database, bad config) tells main why and exits with code 3, so main shows the
 * reason instead of restarting it in a loop.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT_FATAL } from '../../../shared/backend-process';
import type { StatusMessage } from '../../../shared/backend-process';
import { givenKey } from '../config/device-key';
import { keepFilesOwnerOnly } from '../config/owner-only';
import { createBackend } from '../index';
import { lockDataFolder } from '../storage/folder-lock';
import { receiveStart, serveParentPort } from './message-port';
import type { ParentPortLike } from './message-port';

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!parentPort) {
  process.stderr.write('The Vikno backend must be started by the Vikno app (as an Electron utilityProcess).\n');
  process.exit(2);
}
keepFilesOwnerOnly();
const port = parentPort;
void receiveStart(port).then((key) => start(givenKey(key)));

function start(given: ReturnType<typeof givenKey>): void {
  try {
    const { values } = parseArgs({ options: { data: { type: 'string' }, version: { type: 'string' } }, strict: true });
    if (!values.data || !values.version) throw new Error('the backend process needs --data and --version');
    // Main's single-instance lock keeps a second app of this user away; this keeps any other desk process off the folder.
    mkdirSync(values.data, { recursive: true, mode: 0o700 });
    lockDataFolder(values.data);
    if (given.kind === 'invalid') throw new Error(`The device key main handed over is unusable: ${given.reason}`);
    const backend = createBackend({
      dataDir: values.data,
      appVersion: values.version,
      // scripts/build.ts bundles it beside this file (inside app.asar, which Electron's worker threads read).
      receiptWorker: join(__dirname, 'receipt-worker.cjs'),
      ...(given.kind === 'key' ? { deviceKey: given.key } : {}),
    });
    serveParentPort(port, backend, (code) => process.exit(code));
  } catch (error) {
    port.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) } satisfies StatusMessage);
    // Give the message a moment to cross the port before the process goes.
    setTimeout(() => process.exit(EXIT_FATAL), 100);
  }
}
