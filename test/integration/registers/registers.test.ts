/**
 * The supervisor's registers and exports through the contract, on a real standalone desk (which
 * also records the provider's decisions): the journal, the issue register and the day's register
 * as rows, CSV parsed back, PDF read back with pdftotext (Debian's poppler-utils), the open-data
 * set checked against its columns with no individual's data in it, every export in the audit
 * trail, and the trail's filters.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { INITIAL_ADMIN } from '../../../shared/auth';
import { signInAdmin } from '../../helpers/sign-in';
import type { ViknoApi } from '../../../shared/contract';
import type { Application } from '../../../shared/domain/application';
import { BOM, OPEN_DATA_FIELDS, OpenDataRow } from '../../../shared/registers';
import { parseCsv } from '../../helpers/csv-parse';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { value } from '../sync/desk-harness';

const tempDir = useTempDirs();
const FONTS = join(import.meta.dirname, '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');
const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

const MARIANA = {
  kind: 'person' as const,
  surname: 'Шевченко',
  givenName: 'Марʼяна',
  patronymic: 'Іванівна',
  birthDate: '1948-02-28',
  rnokpp: '1759013776',
};
const TARAS = {
  kind: 'person' as const,
  surname: 'Коваленко',
  givenName: 'Тарас',
  patronymic: 'Григорович',
  birthDate: '1961-03-09',
  rnokpp: '2245134075',
  idDoc: { type: 'id_card' as const, number: '001234567', issuer: '8032', validUntil: '2030-02-28' },
};
/** A name with the CSV's separator and quotes in it: the export must quote it, and it reads back whole. */
const COMPANY = { kind: 'legal_entity' as const, legalName: 'ТОВ "Сад; город"', edrpou: '32855961' };

/** A standalone desk in Kyiv on a clock the test moves. */
async function openDesk() {
  const dataDir = join(tempDir(), 'data');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({ center: { code: 'KV01', name: 'ЦНАП Київ' }, desk: { code: '07', window: '7' }, timeZone: 'Europe/Kyiv' }),
  );
  let now = new Date('2026-12-01T07:30:00Z');
  const backend = createBackend({ dataDir, appVersion: 'test', logger: memoryLogger(), now: () => now, fontDir: FONTS });
  open.push(backend);
  const api = connectInProcess(backend);
  await signInAdmin(api);
  return {
    api,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
  };
}

async function register(api: ViknoApi, code: string, applicant: object, extra: object = {}): Promise<Application> {
  const [service] = await value(api.call('catalog.search', { q: code }));
  const items = service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 2 }));
  return value(api.call('intake.register', { serviceId: service!.id, applicant, items, ...extra } as never));
}

const move = (api: ViknoApi, id: string, to: Application['status'], extra: object = {}) =>
  value(api.call('applications.changeStatus', { id, to, ...extra } as never));

/** Two people and a company apply on 1 December; the first person's result is issued that afternoon; one more applies on the 2nd. */
async function seededDay() {
  const desk = await openDesk();
  const { api } = desk;
  const mariana = await register(api, 'MS-01', MARIANA);
  desk.setNow('2026-12-01T08:10:00Z');
  const taras = await register(api, 'MS-01', TARAS);
  desk.setNow('2026-12-01T09:00:00Z');
  const company = await register(api, 'YO-02', COMPANY, {
    representative: { applicant: { ...TARAS, id: taras.applicant.id }, authority: { basis: 'company_head', registryChecked: true } },
  });
  desk.setNow('2026-12-01T11:00:00Z');
  await move(api, mariana.id, 'sent_to_provider');
  await move(api, mariana.id, 'result_ready', { outcome: { kind: 'positive' } });
  desk.setNow('2026-12-01T13:45:00Z');
  await move(api, mariana.id, 'issued', {
    receiver: { party: 'applicant', name: 'Шевченко Марʼяна Іванівна', document: 'ID-картка 009876543' },
  });
  desk.setNow('2026-12-02T08:00:00Z');
  const nextDay = await register(api, 'MS-01', { ...MARIANA, id: mariana.applicant.id });
  return { ...desk, mariana, taras, company, nextDay };
}

const DAY = { from: '2026-12-01', to: '2026-12-01' };

function pdfText(base64: string): string {
  const file = join(tempDir(), 'register.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('registers and exports', () => {
  it('the journal, the issue register and the day’s register list the seeded day, and no other day', async () => {
    const { api, mariana, taras, company, nextDay } = await seededDay();
    const journal = await value(api.call('registers.journal', DAY));
    expect(journal.map((r) => r.regNumber)).toEqual([mariana.regNumber, taras.regNumber, company.regNumber]);
    expect(journal[0]).toMatchObject({
      applicantName: 'Шевченко Марʼяна Іванівна',
      status: 'issued',
      clerkName: INITIAL_ADMIN.fullName,
      sheets: mariana.items.reduce((sum, item) => sum + item.sheets, 0),
      registeredAt: '2026-12-01T07:30:00.000Z',
    });
    expect(journal[2]).toMatchObject({ applicantName: 'ТОВ "Сад; город"', status: 'registered' });
    const both = await value(api.call('registers.journal', { from: '2026-12-01', to: '2026-12-02' }));
    expect(both.map((r) => r.regNumber)).toContain(nextDay.regNumber);

    const issued = await value(api.call('registers.issued', DAY));
    expect(issued).toEqual([
      expect.objectContaining({
        regNumber: mariana.regNumber,
        how: 'issued',
        result: 'positive',
        receivedBy: 'Шевченко Марʼяна Іванівна',
        issuedAt: '2026-12-01T13:45:00.000Z',
      }),
    ]);
    expect(await value(api.call('registers.issued', { from: '2026-12-02', to: '2026-12-02' }))).toEqual([]);

    const day = await value(api.call('registers.day', DAY));
    expect(day.map((r) => [r.regNumber, r.to])).toEqual([
      [mariana.regNumber, 'registered'],
      [taras.regNumber, 'registered'],
      [company.regNumber, 'registered'],
      [mariana.regNumber, 'sent_to_provider'],
      [mariana.regNumber, 'result_ready'],
      [mariana.regNumber, 'issued'],
    ]);
  });

  it('a period that ends before it starts, or is longer than a year, is refused with the field named', async () => {
    const { api } = await openDesk();
    const backwards = await api.call('registers.csv', { kind: 'journal', from: '2026-12-02', to: '2026-12-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['to'] }] } } });
    const long = await api.call('registers.journal', { from: '2025-01-01', to: '2026-12-01' });
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('the journal as CSV: BOM, `;` columns, Cyrillic intact, a name with `;` and `"` quoted and read back whole', async () => {
    const { api, mariana, company } = await seededDay();
    const csv = await value(api.call('registers.csv', { kind: 'journal', ...DAY }));
    expect(csv.fileName).toBe('zhurnal-reiestratsii-2026-12-01.csv');
    expect(csv.text.startsWith(BOM)).toBe(true);
    expect(csv.text).toContain('"ТОВ ""Сад; город"""');
    const [header, ...rows] = parseCsv(csv.text.slice(BOM.length), ';');
    expect(header).toEqual(['Реєстраційний номер', 'Дата і час', 'Заявник', 'Послуга', 'Адміністратор', 'Стан', 'Аркушів', 'Плата, грн']);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
    expect(rows[0]!.slice(0, 3)).toEqual([mariana.regNumber, '01.12.2026 09:30', 'Шевченко Марʼяна Іванівна']);
    expect(rows[0]![5]).toBe('видано');
    expect(rows[2]![0]).toBe(company.regNumber);
    expect(rows[2]![2]).toBe('ТОВ "Сад; город"');

    const issued = parseCsv((await value(api.call('registers.csv', { kind: 'issued', ...DAY }))).text.slice(BOM.length), ';');
    expect(issued).toHaveLength(2);
    expect(issued[1]).toContain('видано особисто');
  });

  it('the registers as PDF: titles, period, cases and names in Cyrillic, in both languages', async () => {
    const { api, mariana, taras } = await seededDay();
    const journal = pdfText((await value(api.call('registers.pdf', { kind: 'journal', ...DAY, lang: 'uk' }))).base64);
    expect(journal).toContain('ЦНАП Київ');
    expect(journal).toContain('Журнал реєстрації звернень');
    expect(journal).toContain('за 01.12.2026');
    expect(journal).toContain('Записів 3');
    expect(journal).toContain(mariana.regNumber);
    expect(journal).toContain(taras.regNumber);
    expect(journal).toContain('Коваленко Тарас Григорович');
    const day = pdfText((await value(api.call('registers.pdf', { kind: 'day', ...DAY, lang: 'uk' }))).base64);
    expect(day).toContain('Реєстр дня');
    expect(day).toContain('результат готовий → видано');
    const issued = pdfText(
      (await value(api.call('registers.pdf', { kind: 'issued', from: '2026-11-30', to: '2026-12-01', lang: 'en' }))).base64,
    );
    expect(issued).toContain('Issue register (translation)');
    expect(issued).toContain('from 30.11.2026 to 01.12.2026');
    expect(issued).toContain('issued in person');
  });

  it('the open-data set has exactly the national columns and no individual’s name or РНОКПП; a company is named', async () => {
    const { api, mariana, company } = await seededDay();
    const csv = await value(api.call('registers.openData', { ...DAY, format: 'csv' }));
    expect(csv.fileName).toBe('vidkryti-dani-2026-12-01.csv');
    const [header, ...rows] = parseCsv(csv.text, ',');
    expect(header).toEqual([...OPEN_DATA_FIELDS]);
    expect(rows).toHaveLength(3);
    const json = await value(api.call('registers.openData', { ...DAY, format: 'json' }));
    const records = (JSON.parse(json.text) as unknown[]).map((r) => OpenDataRow.parse(r));
    expect(records.map((r) => Object.keys(r))).toEqual(records.map(() => [...OPEN_DATA_FIELDS]));
    // The CSV and the JSON say the same.
    expect(rows).toEqual(records.map((r) => OPEN_DATA_FIELDS.map((f) => r[f])));

    for (const text of [csv.text, json.text]) {
      for (const personal of ['Шевченко', 'Марʼяна', 'Коваленко', 'Тарас', '1759013776', '2245134075', '001234567', '009876543', '1948'])
        expect(text).not.toContain(personal);
    }
    const byUid = new Map(records.map((r) => [r.uid, r]));
    expect(byUid.get(mariana.regNumber)).toMatchObject({
      registrationDateTime: '2026-12-01T09:30',
      code: 'MS-01',
      applicantType: 'фізична особа',
      applicantName: '',
      applicantId: '',
      status: 'Виконано',
      providDate: '2026-12-01',
      issuedDate: '2026-12-01',
      currency: 'UAH',
    });
    expect(byUid.get(mariana.regNumber)!.amount).toMatch(/^\d+\.\d{2}$/);
    expect(byUid.get(company.regNumber)).toMatchObject({
      applicantType: 'юридична особа',
      applicantName: 'ТОВ "Сад; город"',
      applicantId: '32855961',
      status: 'На виконанні',
      providDate: '',
      issuedDate: '',
    });
    expect(byUid.get(company.regNumber)!.authorityName).not.toBe('');
  });

  it('every export is in the audit trail: who, which register, the period and how many rows', async () => {
    const { api } = await seededDay();
    await value(api.call('registers.csv', { kind: 'journal', ...DAY }));
    await value(api.call('registers.pdf', { kind: 'issued', ...DAY, lang: 'uk' }));
    await value(api.call('registers.openData', { ...DAY, format: 'json' }));
    const { entries, check } = await value(api.call('audit.list', { from: '2026-12-02', to: '2026-12-02', action: 'export' }));
    expect(entries.map((e) => [e.action, e.entityId, e.actorName])).toEqual([
      ['export.open_data', 'open_data:2026-12-01..2026-12-01', INITIAL_ADMIN.fullName],
      ['export.issued', 'issued:2026-12-01..2026-12-01', INITIAL_ADMIN.fullName],
      ['export.journal', 'journal:2026-12-01..2026-12-01', INITIAL_ADMIN.fullName],
    ]);
    expect(entries[2]!.details).toEqual([
      { key: 'from', value: '2026-12-01' },
      { key: 'to', value: '2026-12-01' },
      { key: 'format', value: 'csv' },
      { key: 'rows', value: '3' },
    ]);
    expect(entries[0]!.details).toContainEqual({ key: 'rows', value: '3' });
    expect(entries[1]!.details).toContainEqual({ key: 'rows', value: '1' });
    expect(check).toMatchObject({ state: 'ok' });
  });

  it('the audit trail filters by period, action, entity and clerk, pages by seq, and says the chain is whole', async () => {
    const { api, mariana } = await seededDay();
    await value(api.call('applications.get', { id: mariana.id }));
    await value(api.call('applicants.get', { id: mariana.applicant.id }));
    const all = await value(api.call('audit.list', { from: '2026-12-01', to: '2026-12-02' }));
    expect(all.check.state).toBe('ok');
    const seqs = all.entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(all.entries.every((e) => e.desk === 'KV01/07')).toBe(true);

    // The views were made on the 2nd (the clock stands there): none on the 1st.
    const firstDay = await value(api.call('audit.list', { ...DAY, action: 'application.view' }));
    expect(firstDay.entries).toEqual([]);
    const views = await value(api.call('audit.list', { from: '2026-12-02', to: '2026-12-02', action: 'application.view' }));
    expect(views.entries).toHaveLength(1);
    expect(views.entries[0]).toMatchObject({ entity: 'application', entityId: mariana.id, entityLabel: mariana.regNumber });
    const applicant = await value(
      api.call('audit.list', { from: '2026-12-02', to: '2026-12-02', entity: 'applicant', action: 'applicant.view' }),
    );
    expect(applicant.entries.map((e) => [e.action, e.entityLabel])).toEqual([['applicant.view', 'Шевченко Марʼяна Іванівна']]);

    // Status moves of the 1st, in words: from, to, no mutation ids.
    const moves = await value(api.call('audit.list', { ...DAY, action: 'application.status' }));
    expect(moves.entries).toHaveLength(3);
    expect(moves.entries.every((e) => e.details.every((d) => !d.value.startsWith('{')))).toBe(true);

    const clerk = all.entries[0]!.actorId;
    expect((await value(api.call('audit.list', { from: '2026-12-01', to: '2026-12-02', actor: clerk }))).entries).toHaveLength(
      all.entries.length,
    );
    expect((await value(api.call('audit.list', { from: '2026-12-01', to: '2026-12-02', actor: 'someone-else' }))).entries).toEqual([]);

    const page = await value(api.call('audit.list', { from: '2026-12-01', to: '2026-12-02', limit: 2 }));
    expect(page.entries.map((e) => e.seq)).toEqual(seqs.slice(0, 2));
    const next = await value(api.call('audit.list', { from: '2026-12-01', to: '2026-12-02', limit: 2, before: page.entries[1]!.seq }));
    expect(next.entries.map((e) => e.seq)).toEqual(seqs.slice(2, 4));
    expect(await api.call('audit.list', { from: '2026-12-01', to: '2026-12-02', limit: 501 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});
