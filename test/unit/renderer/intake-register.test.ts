// @vitest-environment jsdom
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { memoryLogger } from '../../helpers/memory-logger';
import { signInAdmin } from '../../helpers/sign-in';
import type * as IntakeStore from '../../../renderer/src/features/intake/intake-store';

/**
 * The intake store against a real backend (in-process, real SQLite): Register is one call, and
 * the refusal of its application part lands on the application's field with nothing saved.
 */
describe('Register on the intake screen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vikno-intake-register-'));
  let backend: Backend;
  let side: Database.Database;
  let store: typeof IntakeStore;

  beforeAll(async () => {
    backend = createBackend({ dataDir: join(dir, 'data'), appVersion: 'test', logger: memoryLogger() });
    const api = connectInProcess(backend);
    await signInAdmin(api);
    window.vikno = api;
    side = new Database(join(dir, 'data', 'vikno.db'));
    // The store binds to window.vikno when first imported.
    store = await import('../../../renderer/src/features/intake/intake-store');
  });

  afterAll(async () => {
    side.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function fillForm(): Promise<void> {
    store.startNewIntake();
    store.newParty('applicant', 'Шевченко Марʼяна');
    store.setPartyField('applicant', 'rnokpp', '1759013776');
    const found = await window.vikno!.call('catalog.search', { q: 'ID-01' });
    if (!found.ok || found.value[0] === undefined) throw new Error('the sample catalog has no ID-01');
    store.pickService(found.value[0]);
    for (const line of store.useIntakeStore.getState().form.items) store.setLine(line.key, { submitted: true });
  }

  const count = (table: string) => side.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  it('shows a service withdrawn since it was chosen at the service field, and saves no applicant', async () => {
    await fillForm();
    side.prepare("UPDATE services SET active = 0 WHERE code = 'ID-01'").run();
    try {
      await store.register();
    } finally {
      side.prepare("UPDATE services SET active = 1 WHERE code = 'ID-01'").run();
    }
    const state = store.useIntakeStore.getState();
    expect(state.phase).toBe('editing');
    expect(state.serverProblems.map((p) => p.field)).toEqual(['service']);
    expect({ applicants: count('applicants'), outbox: count('outbox') }).toEqual({ applicants: 0, outbox: 0 });
  });

  it('registers the new applicant and the application with the one call once the service is back', async () => {
    await fillForm();
    await store.register();
    const state = store.useIntakeStore.getState();
    expect(state.phase).toBe('done');
    expect(state.registered?.applicant.displayName).toBe('Шевченко Марʼяна');
    expect(side.prepare('SELECT kind FROM outbox ORDER BY seq').pluck().all()).toEqual(['applicant.create', 'application.register']);
  });
});
