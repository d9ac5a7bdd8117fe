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
import { signInAdmin } from '../../helpers/sign-in';
import type { Application } from '../../../shared/domain/application';
import type { RegisterIntakeInput } from '../../../shared/domain/registration';

export const dataDir = mkdtempSync(join(tmpdir(), 'vikno-ui-'));
const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');

export const backend = createBackend({ dataDir, appVersion: 'test', logger: memoryLogger(), fontDir: RECEIPT_FONTS });
export const deskApi = connectInProcess(backend);
window.vikno = deskApi;
// Before any test: screens call at once and wait only briefly for what they show.
await signInAdmin(deskApi);

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

/**
 * Registers cases of a sample service with every document its card lists, for one person: entered
 * with the first case, picked by id after (test setup through the real backend).
 */
export function caseRegistrar(person: NonNullable<RegisterIntakeInput['applicant']>): (code?: string) => Promise<Application> {
  let applicantId: string | null = null;
  return async (code = 'ID-01') => {
    const [service] = await must(deskApi.call('catalog.search', { q: code }));
    const items = service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 }));
    const party = applicantId === null ? { applicant: person } : { applicantId };
    const app = await must(deskApi.call('intake.register', { serviceId: service!.id, items, ...party }));
    applicantId = app.applicant.id;
    return app;
  };
}
