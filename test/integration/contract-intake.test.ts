import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ViknoApi } from '../../shared/contract';
import { createBackend } from '../../main/backend/index';
import type { Backend } from '../../main/backend/index';
import { connectInProcess } from '../../main/backend/transport/in-process';
import { memoryLogger } from '../helpers/memory-logger';
import { useTempDirs } from '../helpers/temp-dir';
import { asAdmin } from '../helpers/sign-in-first';

const tempDir = useTempDirs();
const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', 'main', 'backend', 'receipts', 'fonts');
const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

function start(): { api: ViknoApi; crafted: (method: string, input: unknown) => Promise<unknown>; dataDir: string } {
  const dataDir = join(tempDir(), 'data');
  const backend = createBackend({
    dataDir,
    appVersion: 'test',
    logger: memoryLogger(),
    now: () => new Date('2026-11-27T09:30:00Z'),
    fontDir: RECEIPT_FONTS,
  });
  open.push(backend);
  const api = asAdmin(connectInProcess(backend));
  // A compromised or buggy renderer is not bound by the types: it can send anything.
  const crafted = api.call as unknown as (method: string, input: unknown) => Promise<unknown>;
  return { api, crafted, dataDir };
}

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A receipt line for every document the service's card lists. */
const allDocuments = (service: { documents: Array<{ nameUk: string }> }) =>
  service.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 }));

const PERSON = {
  kind: 'person' as const,
  surname: 'Шевченко',
  givenName: 'Марʼяна',
  patronymic: 'Іванівна',
  birthDate: '1948-02-28',
  rnokpp: '1759013776',
  phone: '+380671234567',
};

describe('registration through the contract', () => {
  it('registers a new applicant with an application for a sample-catalog service, and finds it again by number, id and today', async () => {
    const { api } = start();
    const services = await value(api.call('catalog.search', { q: 'місця проживання' }));
    const service = services.find((s) => s.code === 'RM-01');
    expect(service?.documents.length).toBeGreaterThan(0);
    const app = await value(
      api.call('intake.register', {
        serviceId: service!.id,
        applicant: PERSON,
        representative: {
          applicant: { kind: 'person', surname: 'Коваль', givenName: 'Петро', patronymic: 'Іванович', rnokppAbsent: 'not_assigned' },
          authority: { basis: 'poa_simple', documentNumber: '12/2026', documentDate: '2026-11-01' },
        },
        items: allDocuments(service!),
      }),
    );
    expect(app.regNumber).toBe('DEMO-01-20261127-0001');
    // Residence registration is done the same day.
    expect(app.dueDate).toBe('2026-11-27');
    expect((await value(api.call('applications.get', { regNumber: app.regNumber }))).id).toBe(app.id);
    expect((await value(api.call('applications.get', { id: app.id }))).representative?.displayName).toBe('Коваль Петро Іванович');
    expect((await value(api.call('applications.listToday', {}))).rows.map((a) => a.regNumber)).toEqual([app.regNumber]);
    const changed = await value(api.call('applications.changeStatus', { id: app.id, to: 'sent_to_provider' }));
    expect(changed.history.map((h) => h.to)).toEqual(['registered', 'sent_to_provider']);
  });

  it.each([
    ['a negative offset', { offset: -1 }, ['offset']],
    ['a fractional offset', { offset: 1.5 }, ['offset']],
    ['an empty page', { limit: 0 }, ['limit']],
    ['a page past the most a page holds', { limit: 501 }, ['limit']],
    ['a text offset', { offset: '10' }, ['offset']],
    ['an unknown field', { page: 2 }, ['page']],
  ])('refuses a page of today’s list with %s (VALIDATION at the field path)', async (_label, input, path) => {
    const { crafted } = start();
    const result = await crafted('applications.listToday', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const paths = (result as { error: { details: { issues: Array<{ path: unknown[] }> } } }).error.details.issues.map((i) => i.path);
    expect(paths).toContainEqual(path);
  });

  it.each([
    ['no items', { items: [] }, ['items']],
    ['a negative sheet count', { items: [{ name: 'Заява', original: true, sheets: -1 }] }, ['items', 0, 'sheets']],
    ['an unknown field', { items: [{ name: 'Заява', original: true, sheets: 1 }], paid: true }, ['paid']],
    [
      'a representative’s power of attorney without its date',
      { items: [{ name: 'Заява', original: true, sheets: 1 }], representative: { applicantId: 'x', authority: { basis: 'poa_simple' } } },
      ['representative', 'authority', 'documentDate'],
    ],
    ['an unknown service', { items: [{ name: 'Заява', original: true, sheets: 1 }], serviceId: 'nope' }, ['serviceId']],
  ])('refuses a crafted registration with %s (VALIDATION at the field path) and stores nothing', async (_label, patch, path) => {
    const { api, crafted } = start();
    const [service] = await value(api.call('catalog.search', { q: 'ID-01' }));
    const result = await crafted('intake.register', { serviceId: service!.id, applicant: PERSON, ...patch });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const paths = (result as { error: { details: { issues: Array<{ path: unknown[] }> } } }).error.details.issues.map((i) => i.path);
    expect(paths).toContainEqual(path);
    expect((await value(api.call('applications.listToday', {}))).rows).toEqual([]);
  });

  it.each([
    ['a wrong РНОКПП check digit', { rnokpp: '1759013770' }, ['rnokpp']],
    ['a phone in no known format', { phone: '12345' }, ['phone']],
    ['an РНОКПП together with a reason for having none', { rnokppAbsent: 'religious' }, ['rnokppAbsent']],
    ['no surname', { surname: '' }, ['surname']],
    ['a birth date in the future', { birthDate: '2027-01-01' }, ['birthDate']],
    ['an ID card number of 8 digits', { idDoc: { type: 'id_card', number: '12345678' } }, ['idDoc', 'number']],
  ])('refuses a crafted applicant with %s, at the path under `applicant`', async (_label, patch, path) => {
    const { api, crafted } = start();
    const [service] = await value(api.call('catalog.search', { q: 'ID-01' }));
    const result = await crafted('intake.register', {
      serviceId: service!.id,
      applicant: { ...PERSON, ...patch },
      items: [{ name: 'Заява', original: true, sheets: 1 }],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { issues: expect.arrayContaining([expect.objectContaining({ path: ['applicant', ...path] })]) },
      },
    });
  });

  it('renders the receipt of a registered application as a PDF with its number, names and due date', async () => {
    const { api, dataDir } = start();
    const [service] = await value(api.call('catalog.search', { q: 'ID-01' }));
    const app = await value(
      api.call('intake.register', {
        serviceId: service!.id,
        applicant: PERSON,
        items: [{ name: 'Заява-анкета', original: true, sheets: 2 }, ...allDocuments(service!)],
      }),
    );
    const receipt = await value(api.call('receipts.pdf', { applicationId: app.id, lang: 'uk' }));
    expect(receipt.fileName).toBe(`opys-${app.regNumber}-uk.pdf`);
    const file = join(dataDir, receipt.fileName);
    writeFileSync(file, Buffer.from(receipt.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(app.regNumber);
    expect(text).toContain('Шевченко Марʼяна Іванівна');
    expect(text).toContain('25.12.2026');
    expect(text).toMatch(/1\.\s+Заява-анкета\s+оригінал\s+подано\s+2/);
    expect(await api.call('receipts.pdf', { applicationId: 'nope', lang: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('normalizes pasted identifiers instead of refusing them', async () => {
    const { api } = start();
    const [service] = await value(api.call('catalog.search', { q: 'ID-01' }));
    const app = await value(
      api.call('intake.register', {
        serviceId: service!.id,
        applicant: { ...PERSON, rnokpp: '1759 013-776', phone: '067 123-45-67', idDoc: { type: 'passport_book', number: 'ak 123456' } },
        items: allDocuments(service!),
      }),
    );
    const saved = await value(api.call('applicants.get', { id: app.applicant.id }));
    expect(saved).toMatchObject({ rnokpp: '1759013776', phone: '+380671234567', idDoc: { number: 'АК123456' } });
  });

  it('takes the holiday calendar as editable data: a new day off moves the next due date', async () => {
    const { api } = start();
    const [service] = await value(api.call('catalog.search', { q: 'ID-01' }));
    const first = await value(api.call('intake.register', { serviceId: service!.id, applicant: PERSON, items: allDocuments(service!) }));
    expect(first.dueDate).toBe('2026-12-25');
    const register = () =>
      value(
        api.call('intake.register', {
          serviceId: service!.id,
          applicantId: first.applicant.id,
          items: allDocuments(service!),
        }),
      );
    expect((await register()).dueDate).toBe('2026-12-25');
    await value(api.call('calendar.put', { day: '2026-12-25', kind: 'day_off', name: 'Різдво' }));
    expect(await value(api.call('calendar.list', { from: '2026-12-01', to: '2026-12-31' }))).toEqual([
      { day: '2026-12-25', kind: 'day_off', name: 'Різдво', pending: false },
    ]);
    expect((await register()).dueDate).toBe('2026-12-28');
    await value(api.call('calendar.remove', { day: '2026-12-25' }));
    expect((await register()).dueDate).toBe('2026-12-25');
    expect(await api.call('calendar.remove', { day: '2026-12-25' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api.call('calendar.put', { day: '2026-02-30', kind: 'day_off', name: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: ['day'] }] } },
    });
  });

  it('applies the statutory template only with the martial-law switch off; a day the supervisor set wins either way', async () => {
    const { api } = start();
    const [service] = await value(api.call('catalog.search', { q: 'ID-01' }));
    const first = await value(api.call('intake.register', { serviceId: service!.id, applicant: PERSON, items: allDocuments(service!) }));
    const register = async () =>
      (await value(api.call('intake.register', { serviceId: service!.id, applicantId: first.applicant.id, items: allDocuments(service!) })))
        .dueDate;
    // Under martial law (the default) Christmas, Friday 25 December, is worked: 20 working days from Friday 27 November end on it.
    expect(first.dueDate).toBe('2026-12-25');
    // A desk with no back office keeps the calendar itself: nothing is pending.
    expect(await value(api.call('calendar.settings', {}))).toEqual({ martialLaw: true, pending: false, centerOwned: false });
    expect(await value(api.call('calendar.setMartialLaw', { martialLaw: false }))).toEqual({
      martialLaw: false,
      pending: false,
      centerOwned: false,
    });
    expect(await register()).toBe('2026-12-28');
    await value(api.call('calendar.put', { day: '2026-12-25', kind: 'working_day', name: 'Рішення ради' }));
    expect(await register()).toBe('2026-12-25');
    await value(api.call('calendar.remove', { day: '2026-12-25' }));
    expect(await register()).toBe('2026-12-28');
    await value(api.call('calendar.setMartialLaw', { martialLaw: true }));
    expect(await register()).toBe('2026-12-25');
    expect(await api.call('calendar.setMartialLaw', { martialLaw: 'off' } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('keeps a draft per clerk until it is discarded or the application registered', async () => {
    const { api } = start();
    expect(await value(api.call('drafts.get', {}))).toBeNull();
    await value(api.call('drafts.save', { data: { surname: 'Шевч' } }));
    expect(await value(api.call('drafts.get', {}))).toMatchObject({ data: { surname: 'Шевч' } });
    await value(api.call('drafts.discard', {}));
    expect(await value(api.call('drafts.get', {}))).toBeNull();
    const big = { blob: 'x'.repeat(70 * 1024) };
    expect(await api.call('drafts.save', { data: big })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('names the desk’s local clerk and lets it be renamed', async () => {
    const { api } = start();
    const me = await value(api.call('clerk.me', {}));
    expect(me.roles).toContain('clerk');
    expect((await value(api.call('clerk.rename', { fullName: 'Іваненко Олена' }))).fullName).toBe('Іваненко Олена');
    expect((await value(api.call('clerk.me', {}))).id).toBe(me.id);
  });

  it('answers NOT_FOUND for an unknown application and applicant', async () => {
    const { api } = start();
    expect(await api.call('applications.get', { regNumber: 'DEMO-01-20261127-9999' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await api.call('applicants.get', { id: 'nobody' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
