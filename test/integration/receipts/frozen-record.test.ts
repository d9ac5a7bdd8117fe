/**
 * The frozen case record (docs/ARCHITECTURE.md §6.6) through a real backend on a real SQLite file:
 * a reprint reads only the snapshot and the receipt's own lines, so renaming the service or
 * correcting the applicant does not change a byte of it; later documents make опис №2; a
 * correction makes a new version and keeps the old one; a reprint that would differ is refused.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ViknoApi } from '../../../shared/contract';
import { ApplicantInput } from '../../../shared/domain/applicant';
import { deadlineWording } from '../../../shared/domain/deadline-wording';
import { upsertApplicant } from '../../../main/backend/applicants/upsert-applicant';
import { getApplicant } from '../../../main/backend/applicants/queries';
import { putService } from '../../../main/backend/catalog/services';
import { getService } from '../../../main/backend/catalog/queries';
import { DEFAULT_DESK } from '../../../main/backend/config/desk-config';
import { openDatabase } from '../../../main/backend/db/open';
import type { Db } from '../../../main/backend/db/open';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { memoryLogger } from '../../helpers/memory-logger';
import type { MemoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { STANDALONE_ROLES } from '../../helpers/desk-db';
import { asAdmin } from '../../helpers/sign-in-first';

const tempDir = useTempDirs();
const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');
const CONFIG = { center: { code: 'KV01', name: 'ЦНАП Подільського району' }, desk: { code: '07', window: '7' } };
const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function startDesk(dataDir: string): { api: ViknoApi; logger: MemoryLogger } {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify(CONFIG));
  const logger = memoryLogger();
  let clock = Date.parse('2026-11-27T09:30:00Z');
  // Each call a minute later: a reprint is made at another time than the first print.
  const backend = createBackend({ dataDir, appVersion: 'test', logger, now: () => new Date((clock += 60_000)), fontDir: RECEIPT_FONTS });
  open.push(backend);
  return { api: asAdmin(connectInProcess(backend)), logger };
}

/** A second connection to the desk's file (WAL): what another part of the product would change meanwhile. */
function withDb<T>(dataDir: string, work: (db: Db) => T): T {
  const db = openDatabase(join(dataDir, 'vikno.db'));
  try {
    return db.transaction(() => work(db))();
  } finally {
    db.close();
  }
}

const sha256 = (base64: string) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');

async function pdf(api: ViknoApi, applicationId: string, lang: 'uk' | 'en', number?: number, version?: number) {
  return value(
    api.call('receipts.pdf', {
      applicationId,
      lang,
      ...(number === undefined ? {} : { number }),
      ...(version === undefined ? {} : { version }),
    }),
  );
}

function textOf(base64: string): string {
  const file = join(tempDir(), 'receipt.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const PERSON = {
  kind: 'person' as const,
  surname: 'Шевченко',
  givenName: 'Марʼяна',
  patronymic: 'Іванівна',
  birthDate: '1948-02-28',
  rnokpp: '1759013776',
  idDoc: { type: 'id_card' as const, number: '001234567', validUntil: '2030-02-28' },
  phone: '+380671234567',
};

async function registered(api: ViknoApi) {
  const [service] = await value(api.call('catalog.search', { q: 'ID-01' }));
  const items = [
    ...service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 })),
    { name: 'Паспорт громадянина України', original: true, sheets: 2, returned: true },
  ];
  return value(api.call('intake.register', { serviceId: service!.id, applicant: PERSON, items }));
}

describe('the frozen case record', () => {
  it('reprints byte for byte after the service is renamed and the applicant corrected', async () => {
    const dataDir = join(tempDir(), 'data');
    const { api } = startDesk(dataDir);
    const app = await registered(api);
    const first = { uk: await pdf(api, app.id, 'uk'), en: await pdf(api, app.id, 'en') };
    expect(textOf(first.uk.base64)).toContain('Шевченко Марʼяна Іванівна');

    withDb(dataDir, (db) => {
      const current = getService(db, app.service.id)!;
      const renamed = {
        ...current,
        nameUk: 'Паспорт (нова назва в каталозі)',
        nameEn: 'Passport (renamed)',
        provider: { ...current.provider, nameUk: 'Інший надавач', nameEn: 'Another provider' },
      };
      putService(db, renamed, '2026-11-28T08:00:00Z');
      const clerkId = db.prepare('SELECT id FROM clerks WHERE is_local = 1').pluck().get() as string;
      const env = {
        db,
        clerkId,
        roles: STANDALONE_ROLES,
        now: () => new Date('2026-11-28T08:00:00Z'),
        desk: { ...DEFAULT_DESK, ...CONFIG },
      };
      const person = getApplicant(db, app.applicant.id)!;
      upsertApplicant(
        env,
        ApplicantInput.parse({ ...PERSON, id: person.id, surname: 'Коваленко', idDoc: { ...PERSON.idDoc, number: '009876543' } }),
      );
    });

    const again = await value(api.call('applications.get', { id: app.id }));
    expect(again.applicant.displayName).toContain('Коваленко');
    expect(again.snapshot?.applicant.displayName).toBe('Шевченко Марʼяна Іванівна');
    const reprint = { uk: await pdf(api, app.id, 'uk'), en: await pdf(api, app.id, 'en') };
    expect(sha256(reprint.uk.base64)).toBe(sha256(first.uk.base64));
    expect(sha256(reprint.en.base64)).toBe(sha256(first.en.base64));
    expect(reprint.uk.base64).toBe(first.uk.base64);
  });

  it('prints a presented-and-returned paper as such, counts only what stays in the case, and prints the terms', async () => {
    const { api } = startDesk(join(tempDir(), 'data'));
    const app = await registered(api);
    const text = textOf((await pdf(api, app.id, 'uk')).base64);
    const listed = app.items.length;
    const kept = app.items.filter((i) => !i.returned);
    expect(text).toContain('Паспорт громадянина України оригінал пред’явлено 2');
    expect(text).toContain(
      `Залишено у справі документів: ${kept.length} з ${listed}; аркушів у справі: ${kept.reduce((n, i) => n + i.sheets, 0)}`,
    );
    expect(text).toContain('Опис № 1, складено 27.11.2026');
    // The terms it was registered under: how the date is counted, and the fee.
    expect(text).toContain(`Строк надання послуги ${deadlineWording(app.terms!.deadline, 'uk')}`);
    expect(text).toMatch(/Плата за послугу (безоплатно|\d+,\d\d грн)/);
  });

  it('makes опис №2 for documents handed in later and leaves №1 untouched', async () => {
    const { api } = startDesk(join(tempDir(), 'data'));
    const app = await registered(api);
    const first = await pdf(api, app.id, 'uk');
    const added = await value(
      api.call('applications.addDocuments', { id: app.id, items: [{ name: 'Довідка про зміну прізвища', original: false, sheets: 3 }] }),
    );
    expect(added.receipts.map((r) => [r.number, r.version])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(added.receipts[0]).toEqual(app.receipts[0]);
    expect(added.items).toEqual([...app.items, { name: 'Довідка про зміну прізвища', original: false, sheets: 3, returned: false }]);
    const second = await pdf(api, app.id, 'uk', 2);
    expect(second.fileName).toBe(`opys-${app.regNumber}-2-uk.pdf`);
    const text = textOf(second.base64);
    expect(text).toContain('Додатковий опис № 2, складено');
    expect(text).toContain('1. Довідка про зміну прізвища копія подано 3');
    expect(text).not.toContain('Паспорт громадянина України');
    expect(sha256((await pdf(api, app.id, 'uk', 1)).base64)).toBe(sha256(first.base64));
  });

  it('corrects a line only with a reason, as a new version, the old one still printing as issued', async () => {
    const { api } = startDesk(join(tempDir(), 'data'));
    const app = await registered(api);
    const first = await pdf(api, app.id, 'uk');
    const line = { name: 'Заява-анкета (виправлено)', original: true, sheets: 2 };
    const noReason = await api.call('applications.correctLine', { id: app.id, receipt: 1, position: 1, item: line, reason: '  ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['reason'] }] } } });
    expect((await value(api.call('applications.get', { id: app.id }))).receipts).toHaveLength(1);

    const corrected = await value(
      api.call('applications.correctLine', { id: app.id, receipt: 1, position: 1, item: line, reason: 'Неправильна кількість аркушів' }),
    );
    expect(corrected.receipts.map((r) => [r.number, r.version, r.correction])).toEqual([
      [1, 1, null],
      [1, 2, { position: 1, reason: 'Неправильна кількість аркушів' }],
    ]);
    expect(corrected.items[0]).toEqual({ ...line, returned: false });
    const latest = textOf((await pdf(api, app.id, 'uk')).base64);
    expect(latest).toContain('Опис № 1, версія 2');
    expect(latest).toContain('Виправлено рядок 1. Причина: Неправильна кількість аркушів');
    expect(latest).toContain('1. Заява-анкета (виправлено) оригінал подано 2');
    expect(sha256((await pdf(api, app.id, 'uk', 1, 1)).base64)).toBe(sha256(first.base64));
    expect(
      await api.call('applications.correctLine', { id: app.id, receipt: 1, position: 99, item: line, reason: 'Немає такого рядка' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses a reprint that would differ from the paper issued, and logs it', async () => {
    const dataDir = join(tempDir(), 'data');
    const { api, logger } = startDesk(dataDir);
    const app = await registered(api);
    await pdf(api, app.id, 'uk');
    // Nothing in the product writes a snapshot after registration; a damaged or hand-edited record is what this guards against.
    withDb(dataDir, (db) =>
      db.prepare("UPDATE applications SET snapshot = json_set(snapshot, '$.service.nameUk', 'Підмінена назва') WHERE id = ?").run(app.id),
    );
    expect(await api.call('receipts.pdf', { applicationId: app.id, lang: 'uk' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(logger.entries.filter((e) => e.level === 'error').map((e) => e.fields)).toEqual([
      expect.objectContaining({ applicationId: app.id, number: 1, version: 1, lang: 'uk' }),
    ]);
    // The English copy was never printed: its first print is kept as it comes.
    expect(await api.call('receipts.pdf', { applicationId: app.id, lang: 'en' })).toMatchObject({ ok: true });
  });
});
