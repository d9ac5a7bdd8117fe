/**
 * Cases registered before the record was frozen (desk schema 8): desk migration 0010 gives each
 * its snapshot and опис №1 from what its receipt showed, so the first reprint after the upgrade is
 * the same file as the last print before it — and stays so after the service is renamed and the
 * applicant corrected.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Authority } from '../../../shared/domain/application';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { migrate } from '../../../main/backend/db/migrate';
import { migrations } from '../../../main/backend/db/migrations/registry';
import { renderReceipt } from '../../../main/backend/receipts/receipt-pdf';
import type { ReceiptData } from '../../../main/backend/receipts/receipt-pdf';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { signInAdmin } from '../../helpers/sign-in';

const tempDir = useTempDirs();
const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');
const CONFIG = { center: { code: 'KV01', name: 'ЦНАП Подільського району' }, desk: { code: '07', window: '7' } };
const BEFORE_0010 = migrations.findIndex((m) => m.name === '0010-case-record');
const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

const AT = '2026-11-20T08:15:00.000Z';

/** A desk of schema 8 with two cases: a representative on file with a person concerned, and one of the earliest kind (a name and a POA). */
function deskBefore0010(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, BEFORE_0010);
  db.prepare("INSERT INTO clerks (id, full_name, is_local, created_at, updated_at) VALUES ('c1', 'Іваненко Олена', 1, ?, ?)").run(AT, AT);
  db.prepare(
    `INSERT INTO services (id, code, name_uk, name_en, provider_uk, provider_en, deadline_value, deadline_unit, updated_at)
     VALUES ('s1', 'ID-01', 'Оформлення паспорта громадянина України у формі ID-картки', 'ID card', 'Державна міграційна служба', 'State Migration Service', 20, 'working_days', ?)`,
  ).run(AT);
  const person = db.prepare(
    `INSERT INTO applicants (id, kind, surname, given_name, rnokpp, id_doc_type, id_doc_number, id_doc_valid_until, display_name, search_name,
       clerk_id, created_at, updated_at) VALUES (?, 'person', ?, ?, ?, ?, ?, ?, ?, ?, 'c1', ?, ?)`,
  );
  person.run(
    'p1',
    'Шевченко',
    'Марʼяна',
    '1759013776',
    'id_card',
    '001234567',
    '2030-02-28',
    'Шевченко Марʼяна',
    'шевченко марʼяна',
    AT,
    AT,
  );
  person.run('p2', 'Коваль', 'Петро', null, 'passport_book', 'КВ123456', null, 'Коваль Петро', 'коваль петро', AT, AT);
  person.run('p3', 'Шевченко', 'Іван', null, null, null, null, 'Шевченко Іван', 'шевченко іван', AT, AT);
  const app = db.prepare(
    `INSERT INTO applications (id, reg_number, service_id, applicant_id, representative_id, rep_authority, subject_id, insisted,
       rep_full_name, rep_poa_number, rep_poa_date, status, registered_at, registered_on, due_date, clerk_id, center_code, desk_code,
       window, updated_at) VALUES (?, ?, 's1', 'p1', ?, ?, ?, ?, ?, ?, ?, 'registered', ?, '2026-11-20', '2026-12-18', 'c1', 'KV01', '07', '7', ?)`,
  );
  app.run(
    'a1',
    'KV01-07-20261120-0001',
    'p2',
    JSON.stringify({ basis: 'poa_simple', documentNumber: '12', documentDate: '2026-11-01', mayReceiveResult: true }),
    'p3',
    JSON.stringify({ reason: 'Донесе пізніше', missing: ['Фото'] }),
    null,
    null,
    null,
    AT,
    AT,
  );
  app.run('a2', 'KV01-07-20261120-0002', null, null, null, null, 'Коваль Петро', 'НВК 123456', '2026-03-02', AT, AT);
  const item = db.prepare('INSERT INTO application_items (application_id, position, name, original, sheets) VALUES (?, ?, ?, ?, ?)');
  for (const id of ['a1', 'a2']) {
    item.run(id, 1, 'Заява-анкета', 1, 1);
    item.run(id, 2, 'Свідоцтво про народження', 0, 2);
  }
  db.close();
}

interface OldRow {
  reg_number: string;
  registered_at: string;
  registered_on: string;
  due_date: string;
  result_delivery: ReceiptData['resultDelivery'];
  center_code: string;
  window: string;
  clerk_id: string;
  clerk_name: string | null;
  name_uk: string;
  provider_uk: string;
  applicant_name: string;
  rnokpp: string | null;
  edrpou: string | null;
  id_doc_type: NonNullable<ReceiptData['applicant']['idDoc']>['type'] | null;
  id_doc_number: string | null;
  id_doc_valid_until: string | null;
  rep_name: string | null;
  rep_authority: string | null;
  rep_full_name: string | null;
  rep_poa_number: string | null;
  rep_poa_date: string | null;
  subject_name: string | null;
  insisted: string | null;
}

/**
 * The Ukrainian receipt as the desk printed it before 0010: the receipt handler of that version,
 * which joined the live rows (application, service, applicant, representative, person concerned,
 * clerk) and took the center's name and time zone from config.json. Kept here as the reference.
 */
async function printedBefore(file: string, id: string): Promise<string> {
  const db = new Database(file, { readonly: true });
  const r = db
    .prepare(
      `SELECT a.*, k.full_name AS clerk_name, s.name_uk, s.provider_uk, p.display_name AS applicant_name, p.rnokpp, p.edrpou,
         p.id_doc_type, p.id_doc_number, p.id_doc_valid_until, rp.display_name AS rep_name, c.display_name AS subject_name
       FROM applications a JOIN services s ON s.id = a.service_id JOIN applicants p ON p.id = a.applicant_id
         LEFT JOIN applicants rp ON rp.id = a.representative_id LEFT JOIN applicants c ON c.id = a.subject_id
         LEFT JOIN clerks k ON k.id = a.clerk_id WHERE a.id = ?`,
    )
    .get(id) as OldRow;
  const items = (
    db.prepare('SELECT name, original, sheets FROM application_items WHERE application_id = ? ORDER BY position').all(id) as Array<{
      name: string;
      original: number;
      sheets: number;
    }>
  ).map((i) => ({ name: i.name, original: i.original === 1, sheets: i.sheets }));
  db.close();
  const taxId = r.rnokpp
    ? { kind: 'rnokpp' as const, value: r.rnokpp }
    : r.edrpou
      ? { kind: 'edrpou' as const, value: r.edrpou }
      : undefined;
  const data: ReceiptData = {
    center: { name: CONFIG.center.name, code: r.center_code },
    window: r.window,
    clerkName: r.clerk_name ?? r.clerk_id,
    regNumber: r.reg_number,
    registeredAt: r.registered_at,
    timeZone: 'Europe/Kyiv',
    registeredOn: r.registered_on,
    applicant: {
      displayName: r.applicant_name,
      ...(taxId ? { taxId } : {}),
      ...(r.id_doc_type && r.id_doc_number ? { idDoc: { type: r.id_doc_type, validUntil: r.id_doc_valid_until } } : {}),
    },
    representative:
      r.rep_authority !== null
        ? { name: r.rep_name ?? '', authority: Authority.parse(JSON.parse(r.rep_authority)) }
        : r.rep_full_name && r.rep_poa_number && r.rep_poa_date
          ? { name: r.rep_full_name, poaNumber: r.rep_poa_number, poaDate: r.rep_poa_date }
          : null,
    subject: r.subject_name === null ? null : { displayName: r.subject_name },
    insisted: r.insisted === null ? null : (JSON.parse(r.insisted) as ReceiptData['insisted']),
    service: { name: r.name_uk, provider: r.provider_uk },
    items,
    dueDate: r.due_date,
    resultDelivery: r.result_delivery,
  };
  return createHash('sha256')
    .update(await renderReceipt(data, 'uk', { fontDir: RECEIPT_FONTS }))
    .digest('hex');
}

describe('desk migration 0010 on cases registered before it', () => {
  it('reprints every earlier case exactly as before the upgrade, and after a rename', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify(CONFIG));
    const file = join(dataDir, 'vikno.db');
    deskBefore0010(file);
    const before = { a1: await printedBefore(file, 'a1'), a2: await printedBefore(file, 'a2') };

    const backend = createBackend({ dataDir, appVersion: 'test', logger: memoryLogger(), fontDir: RECEIPT_FONTS });
    open.push(backend);
    const api = connectInProcess(backend);
    await signInAdmin(api);
    const reprint = async (id: string) => {
      const result = await api.call('receipts.pdf', { applicationId: id, lang: 'uk' });
      if (!result.ok) throw new Error(result.error.message);
      return createHash('sha256').update(Buffer.from(result.value.base64, 'base64')).digest('hex');
    };
    expect({ a1: await reprint('a1'), a2: await reprint('a2') }).toEqual(before);

    const a1 = await api.call('applications.get', { id: 'a1' });
    expect(a1).toMatchObject({
      ok: true,
      value: {
        snapshot: {
          center: { code: 'KV01', name: CONFIG.center.name },
          timeZone: 'Europe/Kyiv',
          applicant: { displayName: 'Шевченко Марʼяна' },
        },
        receipts: [{ number: 1, version: 1, layout: 1, clerkName: 'Іваненко Олена', issuedAt: AT }],
      },
    });

    const live = new Database(join(dataDir, 'vikno.db'));
    live.prepare("UPDATE services SET name_uk = 'Нова назва', provider_uk = 'Інший надавач' WHERE id = 's1'").run();
    live.prepare("UPDATE applicants SET display_name = 'Коваленко Марʼяна', rnokpp = NULL WHERE id = 'p1'").run();
    live.prepare("UPDATE clerks SET full_name = 'Петренко Олена' WHERE id = 'c1'").run();
    live.close();
    expect({ a1: await reprint('a1'), a2: await reprint('a2') }).toEqual(before);
  });
});
