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
const sides: Database.Database[] = [];
afterEach(async () => {
  for (const side of sides.splice(0)) side.close();
  for (const backend of open.splice(0)) await backend.close();
});

const PERSON = {
  kind: 'person' as const,
  surname: 'Шевченко',
  givenName: 'Марʼяна',
  birthDate: '1948-02-28',
  rnokpp: '1759013776',
  phone: '+380671234567',
};
/** Every document RM-02 (deregistration of residence) requires. */
const ITEMS = [
  { name: 'Заява', original: true, sheets: 1 },
  { name: 'Паспорт громадянина України або інший документ, що посвідчує особу', original: true, sheets: 1 },
];

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A desk backend, and a second connection to its database to look at (and change the catalog) as another writer would. */
async function start(): Promise<{ api: ViknoApi; side: Database.Database; serviceId: string; rows: () => Record<string, number> }> {
  const dataDir = join(tempDir(), 'data');
  const backend = createBackend({ dataDir, appVersion: 'test', logger: memoryLogger(), now: () => new Date('2026-11-27T09:30:00Z') });
  open.push(backend);
  const api = connectInProcess(backend);
  await signInAdmin(api);
  const side = new Database(join(dataDir, 'vikno.db'));
  sides.push(side);
  const [service] = await value(api.call('catalog.search', { q: 'RM-02' }));
  const count = (table: string) => side.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    api,
    side,
    serviceId: service!.id,
    rows: () => ({
      applicants: count('applicants'),
      applications: count('applications'),
      outbox: count('outbox'),
      audit: count('audit_events'),
    }),
  };
}

describe('registration is one command', () => {
  it('writes a new applicant and the application together, each with its outbox row', async () => {
    const { api, serviceId, rows, side } = await start();
    const app = await value(api.call('intake.register', { serviceId, applicant: PERSON, items: ITEMS }));
    expect(rows()).toMatchObject({ applicants: 1, applications: 1, outbox: 2 });
    expect(side.prepare('SELECT kind, aggregate FROM outbox ORDER BY seq').all()).toEqual([
      { kind: 'applicant.create', aggregate: `applicant:${app.applicant.id}` },
      { kind: 'application.register', aggregate: `application:${app.id}` },
    ]);
  });

  it('leaves no applicant, outbox or audit row when the service was withdrawn between typing and registering', async () => {
    const { api, side, serviceId, rows } = await start();
    const before = rows();
    side.prepare('UPDATE services SET active = 0 WHERE id = ?').run(serviceId);
    const result = await api.call('intake.register', { serviceId, applicant: PERSON, items: ITEMS });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['serviceId'] }] } } });
    expect(rows()).toEqual(before);
  });

  it('leaves a corrected applicant as it was when the registration is refused after the applicant part', async () => {
    const { api, side, serviceId, rows } = await start();
    const first = await value(api.call('intake.register', { serviceId, applicant: PERSON, items: ITEMS }));
    const before = rows();
    const result = await api.call('intake.register', {
      serviceId,
      applicant: { ...PERSON, id: first.applicant.id, phone: '+380501112233' },
      items: ITEMS,
      ticketId: 'no-such-ticket',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['ticketId'] }] } } });
    expect(rows()).toEqual(before);
    expect(side.prepare('SELECT phone FROM applicants WHERE id = ?').pluck().get(first.applicant.id)).toBe('+380671234567');
  });

  it('reports a refusal of the applicant part under `applicant`, and writes nothing', async () => {
    const { api, serviceId, rows } = await start();
    const before = rows();
    const result = await api.call('intake.register', { serviceId, applicant: { ...PERSON, birthDate: '1890-01-01' }, items: ITEMS });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['applicant', 'birthDate'] }] } } });
    expect(rows()).toEqual(before);
  });

  it('takes either the applicant or its id, not both and not neither', async () => {
    const { api, serviceId, rows } = await start();
    const first = await value(api.call('intake.register', { serviceId, applicant: PERSON, items: ITEMS }));
    const before = rows();
    const both = await api.call('intake.register', { serviceId, applicant: PERSON, applicantId: first.applicant.id, items: ITEMS });
    const neither = await api.call('intake.register', { serviceId, items: ITEMS });
    for (const result of [both, neither])
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['applicantId'] }] } } });
    expect(rows()).toEqual(before);
  });
});
