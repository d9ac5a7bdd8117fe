import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ViknoApi } from '../../../shared/contract';
import type { Service } from '../../../shared/domain/service';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { asAdmin } from '../../helpers/sign-in-first';

/**
 * The applicants intake used to turn away (issue 14), registered through the contract on a real
 * desk (SQLite file in a temp folder, the sample catalog): each story as a clerk would enter it.
 */

const tempDir = useTempDirs();
const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');
const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } };

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function issuesOf(result: unknown): Array<{ path: unknown[]; message: string }> {
  const r = result as Result;
  if (r.ok) throw new Error('expected a refusal');
  return (r.error.details as { issues: Array<{ path: unknown[]; message: string }> }).issues;
}

function start(config?: object) {
  const dataDir = join(tempDir(), 'data');
  if (config) {
    execFileSync('mkdir', ['-p', dataDir]);
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify(config));
  }
  const backend = createBackend({
    dataDir,
    appVersion: 'test',
    logger: memoryLogger(),
    now: () => new Date('2026-11-27T09:30:00Z'),
    fontDir: RECEIPT_FONTS,
  });
  open.push(backend);
  const api: ViknoApi = asAdmin(connectInProcess(backend));
  const crafted = api.call as unknown as (method: string, input: unknown) => Promise<unknown>;
  const service = async (code: string): Promise<Service> => {
    const found = (await value(api.call('catalog.search', { q: code }))).find((s) => s.code === code);
    if (!found) throw new Error(`no sample service ${code}`);
    return found;
  };
  const side = () => new Database(join(dataDir, 'vikno.db'), { readonly: true });
  const count = (table: string) => {
    const db = side();
    try {
      return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    } finally {
      db.close();
    }
  };
  return { api, crafted, service, side, count, dataDir };
}

const everyDocument = (service: Service) => service.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 }));

const TARAS = {
  kind: 'person' as const,
  surname: 'Шевченко',
  givenName: 'Тарас',
  patronymic: 'Григорович',
  birthDate: '1948-02-28',
  rnokpp: '1759013776',
  idDoc: { type: 'id_card' as const, number: '001234567', issuer: '8032', validUntil: '2030-02-28' },
};

const FOREIGNER = {
  kind: 'person' as const,
  surname: 'Сміт',
  givenName: 'Джон',
  rnokppAbsent: 'foreigner' as const,
  citizenship: 'GBR',
  idDoc: { type: 'temporary_residence_permit' as const, number: 'ЕН 123456', validUntil: '2027-06-30' },
  addressParts: { region: 'Київ', settlement: 'Київ', street: 'вул. Хрещатик', building: '1', flat: '5', postcode: '01001' },
};

describe('intake for every real applicant', () => {
  it('a foreigner with a residence permit and no РНОКПП registers residence', async () => {
    const { api, service } = start();
    const rm = await service('RM-04');
    expect(rm.requiresRnokpp).toBe(false);
    const app = await value(api.call('intake.register', { serviceId: rm.id, applicant: FOREIGNER, items: everyDocument(rm) }));
    const saved = await value(api.call('applicants.get', { id: app.applicant.id }));
    expect(saved).toMatchObject({
      rnokpp: null,
      rnokppAbsent: 'foreigner',
      citizenship: 'GBR',
      idDoc: { type: 'temporary_residence_permit', number: 'ЕН123456', validUntil: '2027-06-30', presentedAs: 'paper' },
      addressParts: { settlement: 'Київ', flat: '5', postcode: '01001' },
    });
  });

  it('a mother registers her child’s birth: the child is the person concerned, she applies as its legal representative', async () => {
    const { api, service } = start();
    const birth = await service('RA-01');
    const mother = { ...TARAS, surname: 'Шевченко', givenName: 'Оксана', patronymic: 'Петрівна', sex: 'female' as const };
    const app = await value(
      api.call('intake.register', {
        serviceId: birth.id,
        applicant: mother,
        representative: {
          applicant: mother,
          authority: {
            basis: 'legal_representative',
            legalDocument: 'birth_certificate',
            documentNumber: 'I-КИ 123456',
            mayReceiveResult: true,
          },
        },
        subject: {
          applicant: { kind: 'person', surname: 'Шевченко', givenName: 'Богдан', birthDate: '2026-11-20', rnokppAbsent: 'child' },
        },
        items: everyDocument(birth),
      }),
    );
    expect(app.representative).toMatchObject({
      applicantId: app.applicant.id,
      displayName: 'Шевченко Оксана Петрівна',
      authority: { basis: 'legal_representative', legalDocument: 'birth_certificate' },
    });
    expect(app.subject).toMatchObject({ displayName: 'Шевченко Богдан' });
    expect(app.subject!.id).not.toBe(app.applicant.id);
    expect(await value(api.call('applicants.get', { id: app.subject!.id }))).toMatchObject({ rnokppAbsent: 'child', rnokpp: null });
    expect(app.legacyRepresentative).toBeNull();
  });

  it('a company head registers changes to the company without a power of attorney', async () => {
    const { api, service } = start();
    const changes = await service('YO-02');
    const app = await value(
      api.call('intake.register', {
        serviceId: changes.id,
        applicant: { kind: 'legal_entity', legalName: 'ТОВ «Вікно»', edrpou: '32855961' },
        representative: { applicant: TARAS, authority: { basis: 'company_head', registryChecked: true } },
        items: everyDocument(changes),
      }),
    );
    expect(app.applicant.displayName).toBe('ТОВ «Вікно»');
    expect(app.representative).toMatchObject({
      displayName: 'Шевченко Тарас Григорович',
      idDoc: { type: 'id_card', number: '001234567' },
      authority: { basis: 'company_head', registryChecked: true },
    });
  });

  it('a service that requires personal attendance refuses a representative, and writes nothing', async () => {
    const { crafted, service, count } = start();
    const idCard = await service('ID-01');
    expect(idCard.personalAttendance).toBe(true);
    const result = await crafted('intake.register', {
      serviceId: idCard.id,
      applicant: { ...TARAS, rnokpp: '2245134075', idDoc: undefined },
      representative: { applicant: FOREIGNER, authority: { basis: 'poa_simple', documentDate: '2026-11-01' } },
      items: everyDocument(idCard),
    });
    expect(issuesOf(result)).toContainEqual({ path: ['representative'], message: 'service.personal_attendance' });
    expect(count('applicants')).toBe(0);
    expect(count('outbox')).toBe(0);
  });

  it('a service that requires an РНОКПП refuses a person without one, but not one who refused it on religious grounds', async () => {
    const { api, crafted, service } = start();
    const idCard = await service('ID-01');
    expect(idCard.requiresRnokpp).toBe(true);
    const base = { ...TARAS, rnokpp: undefined };
    const refused = await crafted('intake.register', {
      serviceId: idCard.id,
      applicant: { ...base, rnokppAbsent: 'not_assigned' },
      items: everyDocument(idCard),
    });
    expect(issuesOf(refused)).toContainEqual({ path: ['applicant', 'rnokpp'], message: 'service.requires_rnokpp' });
    const religious = await value(
      api.call('intake.register', {
        serviceId: idCard.id,
        applicant: { ...base, rnokppAbsent: 'religious' },
        items: everyDocument(idCard),
      }),
    );
    expect(religious.regNumber).toMatch(/-0001$/);
  });

  it.each([
    ['РНОКПП', { idDoc: { type: 'id_card', number: '007654321', validUntil: '2030-01-01' } }, ['applicant', 'rnokpp']],
    ['document', { rnokpp: '2245134075' }, ['applicant', 'idDoc', 'number']],
  ])('refuses a second person with the same %s (CONFLICT at it), and findDuplicates offers the one on file', async (_id, patch, path) => {
    const { api, crafted, service, count } = start();
    const rm = await service('RM-02');
    const first = await value(api.call('intake.register', { serviceId: rm.id, applicant: TARAS, items: everyDocument(rm) }));
    const before = count('applicants');
    const second = await crafted('intake.register', {
      serviceId: rm.id,
      applicant: { ...TARAS, givenName: 'Тарасик', ...patch },
      items: everyDocument(rm),
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(issuesOf(second)).toEqual([{ path, message: 'applicant.duplicate' }]);
    expect(count('applicants')).toBe(before);
    const offered = await value(
      api.call('applicants.findDuplicates', { rnokpp: '1759 013 776', idDoc: { type: 'id_card', number: '001 234 567' } }),
    );
    expect(offered).toEqual([
      expect.objectContaining({ id: first.applicant.id, displayName: 'Шевченко Тарас Григорович', match: 'rnokpp' }),
    ]);
    // A document number as typed (spaces) finds the one stored normalized; another type's same number does not.
    expect(await value(api.call('applicants.findDuplicates', { idDoc: { type: 'id_card', number: '001 234 567' } }))).toEqual([
      expect.objectContaining({ id: first.applicant.id, match: 'id_doc' }),
    ]);
    expect(await value(api.call('applicants.findDuplicates', { idDoc: { type: 'foreign_passport', number: '001234567' } }))).toEqual([]);
  });

  it('refuses a second legal entity with the same ЄДРПОУ, and findDuplicates finds it by that code', async () => {
    const { api, crafted, service } = start();
    const changes = await service('YO-03');
    const entity = { kind: 'legal_entity' as const, legalName: 'ТОВ «Вікно»', edrpou: '32855961' };
    const first = await value(api.call('intake.register', { serviceId: changes.id, applicant: entity, items: everyDocument(changes) }));
    const second = await crafted('intake.register', {
      serviceId: changes.id,
      applicant: { ...entity, legalName: 'ТОВ Вікно' },
      items: everyDocument(changes),
    });
    expect(issuesOf(second)).toEqual([{ path: ['applicant', 'edrpou'], message: 'applicant.duplicate' }]);
    expect(await value(api.call('applicants.findDuplicates', { edrpou: '32855961' }))).toEqual([
      expect.objectContaining({ id: first.applicant.id, match: 'edrpou' }),
    ]);
    expect(await value(api.call('applicants.findDuplicates', { edrpou: '00032129' }))).toEqual([]);
  });

  it('missing required documents are refused; registered when the applicant insists, the reason and the missing names stored and printed', async () => {
    const { api, crafted, service, count, dataDir } = start();
    const rm = await service('RM-01');
    const some = everyDocument(rm).slice(0, 2);
    const refused = await crafted('intake.register', { serviceId: rm.id, applicant: TARAS, items: some });
    expect(issuesOf(refused)).toEqual([{ path: ['items'], message: 'application.required_missing' }]);
    expect(count('applications')).toBe(0);
    expect(count('applicants')).toBe(0);
    const app = await value(
      api.call('intake.register', { serviceId: rm.id, applicant: TARAS, items: some, insisted: { reason: 'Квитанцію донесе завтра' } }),
    );
    // Only the required ones count as missing: the proof of payment is «if available».
    const missing = rm.documents
      .slice(2)
      .filter((d) => d.need === 'required')
      .map((d) => d.nameUk);
    expect(missing.length).toBeGreaterThan(0);
    expect(app.insisted).toEqual({ reason: 'Квитанцію донесе завтра', missing });
    expect((await value(api.call('applications.get', { id: app.id }))).insisted).toEqual({ reason: 'Квитанцію донесе завтра', missing });
    const receipt = await value(api.call('receipts.pdf', { applicationId: app.id, lang: 'uk' }));
    const file = join(dataDir, receipt.fileName);
    writeFileSync(file, Buffer.from(receipt.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Заявник наполягає на реєстрації: Квитанцію донесе завтра');
    for (const name of missing) expect(text).toContain(name);
  });

  it('stores names clean (Latin look-alikes, one apostrophe), the audit keeping what was typed', async () => {
    const { api, service, side } = start({ names: { apostrophe: '’' } });
    const rm = await service('RM-02');
    const typed = { ...TARAS, surname: 'Олiйник', givenName: "Мар'яна" };
    const app = await value(api.call('intake.register', { serviceId: rm.id, applicant: typed, items: everyDocument(rm) }));
    const saved = await value(api.call('applicants.get', { id: app.applicant.id }));
    expect(saved).toMatchObject({ surname: 'Олійник', givenName: 'Мар’яна', displayName: 'Олійник Мар’яна Григорович' });
    const db = side();
    const details = JSON.parse(
      db
        .prepare("SELECT details FROM audit_events WHERE action = 'applicant.create' AND entity_id = ?")
        .pluck()
        .get(app.applicant.id) as string,
    ) as { typedNames?: unknown };
    db.close();
    expect(details.typedNames).toEqual({ surname: 'Олiйник', givenName: "Мар'яна" });
  });

  it('refuses an expired identity document and a lapsed authority, each at its field', async () => {
    const { crafted, service, count } = start();
    const rm = await service('RM-01');
    const expired = await crafted('intake.register', {
      serviceId: rm.id,
      applicant: { ...TARAS, idDoc: { ...TARAS.idDoc, validUntil: '2026-11-26' } },
      items: everyDocument(rm),
    });
    expect(issuesOf(expired)).toEqual([{ path: ['applicant', 'idDoc', 'validUntil'], message: 'id_doc.expired' }]);
    const lapsed = await crafted('intake.register', {
      serviceId: rm.id,
      applicant: TARAS,
      representative: { applicant: FOREIGNER, authority: { basis: 'poa_simple', documentDate: '2026-01-01', validUntil: '2026-11-26' } },
      items: everyDocument(rm),
    });
    expect(issuesOf(lapsed)).toEqual([{ path: ['representative', 'authority', 'validUntil'], message: 'authority.expired' }]);
    expect(count('applicants')).toBe(0);
  });

  it('a representative must be a person, and may be the applicant only for a person concerned', async () => {
    const { api, crafted, service } = start();
    const rm = await service('RM-01');
    // A company applies for a service whose card accepts legal entities (residence registration does not).
    const advertising = await service('MS-01');
    const entity = await value(
      api.call('intake.register', {
        serviceId: advertising.id,
        applicant: { kind: 'legal_entity', legalName: 'ТОВ «Вікно»', edrpou: '32855961' },
        items: everyDocument(advertising),
      }),
    );
    const company = await crafted('intake.register', {
      serviceId: rm.id,
      applicant: TARAS,
      representative: { applicantId: entity.applicant.id, authority: { basis: 'other', description: 'Статут' } },
      items: everyDocument(rm),
    });
    expect(issuesOf(company)).toContainEqual({ path: ['representative', 'applicantId'], message: 'representative.not_person' });
    const self = await crafted('intake.register', {
      serviceId: rm.id,
      applicant: TARAS,
      representative: { applicant: TARAS, authority: { basis: 'other', description: 'Сам' } },
      items: everyDocument(rm),
    });
    expect(issuesOf(self)).toContainEqual({ path: ['representative', 'applicantId'], message: 'representative.is_applicant' });
  });
});
