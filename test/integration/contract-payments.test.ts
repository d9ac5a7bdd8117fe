import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ViknoApi } from '../../shared/contract';
import { createBackend } from '../../main/backend/index';
import type { Backend } from '../../main/backend/index';
import { connectInProcess } from '../../main/backend/transport/in-process';
import { memoryLogger } from '../helpers/memory-logger';
import { useTempDirs } from '../helpers/temp-dir';
import { signInAdmin } from '../helpers/sign-in';

const tempDir = useTempDirs();
const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

const PERSON = { kind: 'person' as const, surname: 'Шевченко', givenName: 'Марʼяна', birthDate: '1948-02-28', rnokpp: '1759013776' };

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A desk backend with one application registered unpaid, and a way to count what it wrote. */
async function deskWithUnpaidApplication() {
  const dataDir = join(tempDir(), 'data');
  const backend = createBackend({ dataDir, appVersion: 'test', logger: memoryLogger(), now: () => new Date('2026-11-27T09:30:00Z') });
  open.push(backend);
  const api: ViknoApi = connectInProcess(backend);
  await signInAdmin(api);
  const [service] = await value(api.call('catalog.search', { q: 'ID-01' }));
  const app = await value(
    api.call('intake.register', {
      serviceId: service!.id,
      applicant: PERSON,
      items: service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 })),
    }),
  );
  const written = () => {
    const db = new Database(join(dataDir, 'vikno.db'), { readonly: true });
    try {
      return db.prepare('SELECT (SELECT count(*) FROM application_payments) + (SELECT count(*) FROM outbox)').pluck().get() as number;
    } finally {
      db.close();
    }
  };
  // A compromised or buggy renderer is not bound by the types: it can send anything.
  const crafted = api.call as unknown as (method: string, input: unknown) => Promise<unknown>;
  return { api, app, crafted, written };
}

describe('payments through the contract', () => {
  it('registration needs no payment; a payment entered later shows on the case', async () => {
    const { api, app } = await deskWithUnpaidApplication();
    expect(app.payments).toEqual([]);
    const paid = await value(
      api.call('applications.addPayment', {
        applicationId: app.id,
        entry: { type: 'payment', component: 'admin_fee', amountKopecks: 55800, reference: '0.0.4123456789.1', paidOn: '2026-11-26' },
      }),
    );
    expect(paid.balance.paidKopecks).toBe(55800);
    expect((await value(api.call('applications.get', { id: app.id }))).payments).toEqual(paid.payments);
  });

  it('answers bad input VALIDATION with the path of each problem, and writes nothing', async () => {
    const { app, crafted, written } = await deskWithUnpaidApplication();
    const before = written();
    const answers = await Promise.all([
      crafted('applications.addPayment', {
        applicationId: app.id,
        entry: { type: 'payment', component: 'admin_fee', amountKopecks: -5, reference: '', paidOn: '2026-11-26' },
      }),
      crafted('applications.addPayment', {
        applicationId: app.id,
        entry: { type: 'payment', component: 'admin_fee', amountKopecks: 100, reference: 'КВ-1', paidOn: '2026-12-01' },
      }),
      crafted('applications.addPayment', { applicationId: app.id, entry: { type: 'exemption', reason: ' ' } }),
      crafted('applications.cancelPayment', { applicationId: app.id, paymentId: 'nope', reason: '' }),
    ]);
    const issues = (answer: unknown) =>
      (answer as { ok: false; error: { code: string; details: { issues: Array<{ path: unknown[]; message: string }> } } }).error;
    expect(answers.map((a) => issues(a).code)).toEqual(['VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION']);
    expect(issues(answers[0]).details.issues).toEqual([
      { path: ['entry', 'amountKopecks'], message: 'payment.amount_positive' },
      { path: ['entry', 'reference'], message: 'payment.required' },
    ]);
    expect(issues(answers[1]).details.issues).toEqual([{ path: ['entry', 'paidOn'], message: 'payment.paid_on_future' }]);
    expect(issues(answers[2]).details.issues).toEqual([{ path: ['entry', 'reason'], message: 'payment.required' }]);
    expect(issues(answers[3]).details.issues).toEqual([{ path: ['reason'], message: 'payment.required' }]);
    expect(written()).toBe(before);
  });
});
