/**
 * A real desk backend (SQLite in a temporary data folder, the sample catalog) behind the
 * renderer's `api`, through the in-process transport. Import it before any screen: `api` takes
 * `window.vikno` when the renderer module is first evaluated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createBackend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { memoryLogger } from '../../helpers/memory-logger';

export const dataDir = mkdtempSync(join(tmpdir(), 'vikno-ui-'));
const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');

export const backend = createBackend({ dataDir, appVersion: 'test', logger: memoryLogger(), fontDir: RECEIPT_FONTS });
export const deskApi = connectInProcess(backend);
window.vikno = deskApi;

// jsdom has no Blob URLs; the receipt buttons only need a URL string to link to.
URL.createObjectURL ??= () => 'blob:receipt';
URL.revokeObjectURL ??= () => undefined;

afterAll(async () => {
  deskApi.disconnect();
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The value of a call that must succeed (test setup): a failure stops the test with its code. */
export async function must<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
