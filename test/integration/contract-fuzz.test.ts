import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../shared/contract';
import type { MethodName, ViknoApi } from '../../shared/contract';
import { createBackend } from '../../main/backend/index';
import type { Backend } from '../../main/backend/index';
import { connectInProcess } from '../../main/backend/transport/in-process';
import { memoryLogger } from '../helpers/memory-logger';
import type { MemoryLogger } from '../helpers/memory-logger';
import { asAdmin } from '../helpers/sign-in-first';

/**
 * Every contract method fed generated wrong inputs through a real backend (in-process
 * transport, SQLite in a temp folder): each answers VALIDATION, never INTERNAL, and the
 * backend goes on serving normal calls afterwards.
 */

type Path = readonly (string | number)[];

interface Case {
  method: MethodName;
  /** A valid input: each corruption below makes it wrong in exactly one way. */
  input: Record<string, unknown>;
  /** Fields that may be left out (deleting them keeps the input valid). */
  optional?: readonly Path[];
  /** Values the contract takes as they come (a draft's form data): only their size and shape are judged. */
  opaque?: readonly Path[];
  /** Text fields bounded above the longest generated string (a chunk's base64): any text is valid there. */
  roomy?: readonly Path[];
  /** Objects whose every field is optional: zod takes any object there, a Date (no own fields) too. */
  allOptional?: readonly Path[];
}

const ID = '0190d6a8-7d1e-7c4a-9f1b-8a1d2c3e4f50';
const PERSON = {
  kind: 'person',
  surname: 'Шевченко',
  givenName: 'Марʼяна',
  patronymic: 'Петрівна',
  birthDate: '1948-02-28',
  sex: 'female',
  rnokpp: '1759013776',
  idDoc: { type: 'id_card', number: '123456789', issuer: '8031', issuedOn: '2019-05-06', validUntil: '2029-05-06', presentedAs: 'diia' },
  citizenship: 'UKR',
  addressParts: { region: 'Київ', settlement: 'Київ', street: 'вул. Хрещатик', building: '1', postcode: '01001' },
  unzr: '19480228-00013',
  address: 'Київ, вул. Хрещатик, 1',
  phone: '+380671234567',
  email: 'maryana@example.com',
  notifyBy: 'sms',
};
const PERSON_OPTIONAL = Object.keys(PERSON)
  .filter((key) => !['kind', 'surname', 'givenName'].includes(key))
  .map((key) => ['applicant', key]);
const ITEMS = [{ name: 'Заява', original: true, sheets: 1 }];

const CASES: readonly Case[] = [
  { method: 'app.info', input: {} },
  { method: 'app.health', input: {} },
  { method: 'applicants.search', input: { q: 'Шевченко', limit: 5 }, optional: [['limit']] },
  { method: 'applicants.get', input: { id: ID } },
  {
    method: 'applicants.findDuplicates',
    input: { rnokpp: '1759013776', edrpou: '32855961', idDoc: { type: 'id_card', number: '123456789' } },
    optional: [['rnokpp'], ['edrpou'], ['idDoc']],
  },
  { method: 'applications.listToday', input: {} },
  { method: 'applications.get', input: { id: ID } },
  { method: 'applications.get', input: { regNumber: 'ЦНАП-0001-20261127-0001' } },
  { method: 'storage.status', input: {} },
  { method: 'storage.verifyAudit', input: {} },
  { method: 'catalog.search', input: { q: 'ID' }, optional: [['q']] },
  { method: 'catalog.get', input: { id: ID } },
  { method: 'catalog.subsistence', input: {} },
  { method: 'intake.register', input: { serviceId: ID, applicantId: ID, items: ITEMS } },
  {
    method: 'intake.register',
    input: {
      serviceId: ID,
      applicant: PERSON,
      representative: {
        applicantId: ID,
        authority: {
          basis: 'poa_notarised',
          documentNumber: '12/3',
          documentDate: '2026-01-05',
          notary: 'Іваненко О. П.',
          validUntil: '2027-01-05',
          mayReceiveResult: true,
        },
      },
      subject: { applicantId: ID },
      items: ITEMS,
      insisted: { reason: 'Довідку донесе завтра' },
      resultDelivery: 'post',
      notes: 'Телефонувати після 14:00',
      ticketId: ID,
    },
    optional: [
      ['representative'],
      ['representative', 'authority', 'validUntil'],
      ['representative', 'authority', 'mayReceiveResult'],
      ['subject'],
      ['insisted'],
      ['resultDelivery'],
      ['notes'],
      ['ticketId'],
      ...PERSON_OPTIONAL,
    ],
  },
  { method: 'applications.search', input: { q: 'Шевченко' } },
  {
    method: 'applications.changeStatus',
    input: {
      id: ID,
      to: 'issued',
      reason: 'Видано особисто',
      outcome: { kind: 'negative', decisionNumber: '17/2', decisionDate: '2026-12-01', grounds: ['incomplete'], comment: 'немає фото' },
      receiver: { party: 'applicant', name: 'Шевченко М.', document: 'ID 001234567' },
      trackingNumber: 'RR123456789UA',
      transferTo: 'ДМС',
      withdrawal: { requestNumber: '5', requestDate: '2026-12-01' },
    },
    optional: [['reason'], ['outcome'], ['outcome', 'comment'], ['receiver'], ['trackingNumber'], ['transferTo'], ['withdrawal']],
  },
  {
    method: 'applications.update',
    input: { id: ID, resultDelivery: 'email', notes: 'Уточнити адресу' },
    optional: [['resultDelivery'], ['notes']],
  },
  { method: 'applications.addDocuments', input: { id: ID, items: ITEMS } },
  {
    method: 'applications.correctLine',
    input: { id: ID, receipt: 1, position: 1, item: { name: 'Заява', original: true, sheets: 1, returned: true }, reason: 'Описка' },
    optional: [['item', 'returned']],
  },
  {
    method: 'applications.addPayment',
    input: {
      applicationId: ID,
      entry: {
        type: 'payment',
        component: 'admin_fee',
        amountKopecks: 4992,
        reference: 'КВ-0042',
        paidOn: '2026-11-27',
        payer: 'Шевченко М.',
      },
    },
    optional: [['entry', 'payer']],
  },
  {
    method: 'applications.addPayment',
    input: { applicationId: ID, entry: { type: 'exemption', component: 'blank', reason: 'Перше оформлення', document: 'Свідоцтво' } },
    optional: [
      ['entry', 'component'],
      ['entry', 'document'],
    ],
  },
  { method: 'applications.cancelPayment', input: { applicationId: ID, paymentId: ID, reason: 'Квитанція іншої особи' } },
  { method: 'drafts.get', input: {} },
  { method: 'drafts.save', input: { data: { surname: 'Коваль', items: [{ name: 'Заява' }] } }, opaque: [['data']] },
  { method: 'drafts.discard', input: {} },
  { method: 'receipts.pdf', input: { applicationId: ID, lang: 'uk', number: 2, version: 1 }, optional: [['number'], ['version']] },
  { method: 'papers.acknowledgement', input: { applicationId: ID, lang: 'uk' } },
  { method: 'papers.handoffRegisters', input: { day: '2026-12-03', lang: 'en' } },
  { method: 'calendar.list', input: { from: '2026-12-01', to: '2026-12-31' } },
  { method: 'calendar.put', input: { day: '2026-12-25', kind: 'day_off', name: 'Різдво' } },
  { method: 'calendar.remove', input: { day: '2026-12-25' } },
  { method: 'calendar.settings', input: {} },
  { method: 'calendar.setMartialLaw', input: { martialLaw: false } },
  { method: 'sync.status', input: {} },
  { method: 'sync.now', input: {} },
  { method: 'sync.enroll', input: { code: 'ENROLL-CODE-1', deviceName: 'Вікно 3' }, optional: [['deviceName']] },
  { method: 'sync.deadLetters', input: {} },
  { method: 'sync.pendingList', input: {} },
  { method: 'sync.retry', input: { mutationId: ID } },
  { method: 'sync.discard', input: { mutationId: ID, reason: 'Перевірено' } },
  { method: 'queue.state', input: {} },
  { method: 'queue.act', input: { action: 'call_next' } },
  { method: 'queue.act', input: { action: 'park', ticketId: ID, note: 'Пішла по копію' }, optional: [['note']] },
  { method: 'queue.act', input: { action: 'transfer', ticketId: ID, toDeskCode: '03', note: 'До юриста' }, optional: [['note']] },
  { method: 'queue.act', input: { action: 'walk_in', serviceCode: 'ID-01', purpose: 'submit' } },
  { method: 'queue.statistics', input: { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' } },
  { method: 'clerk.me', input: {} },
  { method: 'clerk.rename', input: { fullName: 'Коваль Петро' } },
  { method: 'diagnostics.export', input: {} },
  { method: 'auth.state', input: {} },
  { method: 'auth.signIn', input: { login: 'koval', secret: 'secret-1' } },
  { method: 'auth.unlock', input: { secret: 'secret-1' } },
  { method: 'auth.lock', input: {} },
  { method: 'auth.signOut', input: {} },
  { method: 'auth.changePassword', input: { current: 'secret-1', next: 'another-secret' } },
  { method: 'accounts.list', input: {} },
  {
    method: 'accounts.save',
    input: { id: ID, login: 'koval', fullName: 'Коваль Петро', roles: ['clerk'], desks: ['07'], password: 'temporary-1', pin: '1234' },
    optional: [['id'], ['password'], ['pin']],
  },
  { method: 'accounts.resetPassword', input: { id: ID, password: 'temporary-2' } },
  { method: 'accounts.setDisabled', input: { id: ID, disabled: true } },
  { method: 'registers.journal', input: { from: '2026-12-01', to: '2026-12-02' } },
  { method: 'registers.issued', input: { from: '2026-12-01', to: '2026-12-02' } },
  { method: 'registers.day', input: { from: '2026-12-01', to: '2026-12-01' } },
  { method: 'registers.pdf', input: { kind: 'issued', from: '2026-12-01', to: '2026-12-02', lang: 'uk' } },
  { method: 'registers.csv', input: { kind: 'journal', from: '2026-12-01', to: '2026-12-02' } },
  { method: 'registers.openData', input: { from: '2026-12-01', to: '2026-12-02', format: 'json' } },
  {
    method: 'audit.list',
    input: { from: '2026-12-01', to: '2026-12-02', actor: ID, action: 'export', entity: 'application', limit: 50, before: 10 },
    optional: [['actor'], ['action'], ['entity'], ['limit'], ['before']],
  },
  { method: 'documents.scanners', input: { refresh: true }, optional: [['refresh']] },
  { method: 'documents.openSet', input: { owner: { kind: 'intake', lineKey: 'passport' }, label: 'Паспорт' } },
  { method: 'documents.openSet', input: { owner: { kind: 'line', applicationId: ID, receipt: 1, position: 2 }, label: 'Довідка' } },
  { method: 'documents.openSet', input: { owner: { kind: 'inbox' }, label: 'scan.pdf' } },
  { method: 'documents.getSet', input: { setId: ID } },
  { method: 'documents.inbox', input: {} },
  {
    method: 'documents.scan',
    input: { setId: ID, settings: { device: 'test', source: 'feeder', mode: 'gray', dpi: 300, pageSize: 'a4' }, replacePageId: ID },
    optional: [
      ['settings'],
      ['settings', 'device'],
      ['settings', 'source'],
      ['settings', 'mode'],
      ['settings', 'dpi'],
      ['settings', 'pageSize'],
      ['replacePageId'],
    ],
    allOptional: [['settings']],
  },
  { method: 'documents.cancelScan', input: { scanId: ID } },
  { method: 'documents.movePage', input: { pageId: ID, position: 2 } },
  { method: 'documents.rotatePage', input: { pageId: ID, rotation: 90 } },
  { method: 'documents.deletePage', input: { pageId: ID } },
  { method: 'documents.takeInbox', input: { fromSetId: ID, toSetId: ID } },
  { method: 'documents.importBegin', input: { setId: ID, name: 'scan.pdf', size: 1024, source: 'diia' } },
  { method: 'documents.importChunk', input: { importId: ID, offset: 0, base64: 'JVBERi0x' }, roomy: [['base64']] },
  { method: 'documents.importEnd', input: { importId: ID } },
  { method: 'documents.thumbnail', input: { pageId: ID } },
  { method: 'documents.assemble', input: { setId: ID } },
  { method: 'documents.attach', input: { setId: ID } },
  { method: 'documents.list', input: { applicationId: ID } },
  { method: 'documents.file', input: { documentId: ID } },
  { method: 'documents.purge', input: {} },
  { method: 'review.day', input: { from: '2026-12-01', to: '2026-12-03', waitingDays: 30 }, optional: [['waitingDays']] },
  {
    method: 'applications.correct',
    input: { applicationId: ID, fields: { notes: 'Дзвонити зранку' }, reason: 'Примітку внесено помилково' },
  },
  { method: 'sync.resolve', input: { mutationId: ID, reason: 'Взято версію бек-офісу' } },
];

/** Keys that reach an object's prototype machinery when code copies or reads fields naively. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineSetter__'];

const startsWith = (path: Path, prefix: Path) => prefix.length <= path.length && prefix.every((part, i) => path[i] === part);
const samePath = (a: Path, b: Path) => a.length === b.length && startsWith(a, b);

/** Every value inside the input with its path, not descending into opaque values. */
function valuePaths(value: unknown, opaque: readonly Path[], path: Path = []): Path[] {
  if (value === null || typeof value !== 'object' || opaque.some((o) => samePath(o, path))) return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([key, v]) => [[...path, key], ...valuePaths(v, opaque, [...path, key])]);
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

/** A copy of the input with `change` applied to the container of `path`; own keys only, so `__proto__` stays a plain key. */
function edited(root: unknown, path: Path, change: (container: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(root);
  const container = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  change(container, path.at(-1)!);
  return copy;
}

function replaced(root: unknown, path: Path, value: unknown): unknown {
  return edited(root, path, (container, key) => defineOwn(container, key, value));
}

function withKey(root: unknown, path: Path, key: string, value: unknown): unknown {
  return edited(root, [...path, key], (container) => defineOwn(container, key, value));
}

function defineOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Nested `depth` levels deep; a structured clone (the transports' copy) gives up near 2 000 nested objects. */
function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'дно';
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
}

const deep = fc.tuple(fc.integer({ min: 50, max: 1_000 }), fc.boolean()).map(([depth, asArray]) => nested(depth, asArray));
/** Long enough for every bounded field, and for the 64 KiB bound on a draft. */
const huge = fc
  .tuple(fc.integer({ min: 70_000, max: 1_000_000 }), fc.constantFrom('x', 'Ї', '9', '\u0000'))
  .map(([length, ch]) => ch.repeat(length) + 'й');

/** A value of a type the field holding `original` cannot have. */
function wrongTypeFor(original: unknown, allOptional = false): fc.Arbitrary<unknown> {
  const isArray = Array.isArray(original);
  const isObject = original !== null && typeof original === 'object' && !isArray;
  const candidates: (fc.Arbitrary<unknown> | false)[] = [
    fc.constant(Number.NaN),
    fc.bigInt(),
    !allOptional && fc.date(),
    typeof original !== 'string' && fc.string({ maxLength: 20 }),
    typeof original !== 'number' && fc.double(),
    typeof original !== 'boolean' && fc.boolean(),
    !isArray && fc.array(fc.integer(), { maxLength: 3 }),
    !isObject && fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  ];
  return fc.oneof(...candidates.filter((candidate) => candidate !== false));
}

/** Wrong inputs for one case, each labelled with what was done to it. */
function wrongInputs(c: Case): fc.Arbitrary<{ how: string; input: unknown }> {
  const opaque = c.opaque ?? [];
  const paths = valuePaths(c.input, opaque);
  const keyPaths = paths.filter((p) => typeof p.at(-1) === 'string');
  const deletable = keyPaths.filter((p) => !(c.optional ?? []).some((o) => samePath(o, p)));
  const objectPaths: Path[] = [
    [],
    ...paths.filter((p) => {
      const v = valueAt(c.input, p);
      return v !== null && typeof v === 'object' && !Array.isArray(v) && !opaque.some((o) => samePath(o, p));
    }),
  ];
  const stringPaths = paths.filter((p) => typeof valueAt(c.input, p) === 'string' && !(c.roomy ?? []).some((r) => samePath(r, p)));

  const notAnObject = fc
    .oneof(fc.constant(null), fc.constant(undefined), fc.string(), fc.integer(), fc.boolean(), fc.array(fc.anything(), { maxLength: 3 }))
    .map((input) => ({ how: 'not an object', input }));
  const extraKey = fc
    .tuple(
      fc.constantFrom(...objectPaths),
      fc.oneof(
        fc.constantFrom(...PROTOTYPE_KEYS),
        fc.string({ minLength: 1, maxLength: 12 }).map((s) => `x${s}`),
      ),
      fc.anything(),
    )
    .map(([path, key, value]) => ({
      how: `extra field ${JSON.stringify([...path, key])}`,
      input: withKey(c.input, path, key, value),
    }));
  const hiddenInPrototypeKey = fc.constantFrom('__proto__', 'constructor').map((key) => {
    const input = {};
    defineOwn(input, key, key === 'constructor' ? { prototype: c.input } : c.input);
    return { how: `fields hidden under ${key}`, input };
  });
  const arbitraries: fc.Arbitrary<{ how: string; input: unknown }>[] = [notAnObject, extraKey, hiddenInPrototypeKey];
  if (paths.length > 0) {
    arbitraries.push(
      fc
        .constantFrom(...paths)
        .chain((path) =>
          wrongTypeFor(
            valueAt(c.input, path),
            (c.allOptional ?? []).some((o) => samePath(o, path)),
          ).map((value) => ({ path, value })),
        )
        .map(({ path, value }) => ({
          how: `wrong type at ${JSON.stringify(path)}`,
          input: replaced(c.input, path, value),
        })),
      fc.tuple(fc.constantFrom(...paths), deep).map(([path, value]) => ({
        how: `deep nesting at ${JSON.stringify(path)}`,
        input: replaced(c.input, path, value),
      })),
    );
  }
  if (deletable.length > 0) {
    arbitraries.push(
      fc.constantFrom(...deletable).map((path) => ({
        how: `missing ${JSON.stringify(path)}`,
        input: edited(c.input, path, (o, k) => {
          delete o[k];
        }),
      })),
    );
  }
  if (stringPaths.length > 0) {
    arbitraries.push(
      fc.tuple(fc.constantFrom(...stringPaths), huge).map(([path, value]) => ({
        how: `huge string at ${JSON.stringify(path)}`,
        input: replaced(c.input, path, value),
      })),
    );
  }
  for (const path of opaque) {
    arbitraries.push(
      fc
        .oneof(
          huge.map((text) => ({ note: text })),
          fc.constant(cyclic()),
          fc.bigInt().map((n) => ({ count: n })),
          fc.integer({ min: 1_000, max: 3_000 }).map((depth) => ({ deep: nested(depth, true) })),
        )
        .map((value) => ({
          how: `unstorable value at ${JSON.stringify(path)}`,
          input: replaced(c.input, path, value),
        })),
    );
  }
  // Reported by label: printing a deeply nested value would overflow fast-check's own stack.
  return fc.oneof(...arbitraries).map((wrong) => ({ ...wrong, [fc.toStringMethod]: () => wrong.how }));
}

/** Form data that refers to itself: a structured clone carries it, JSON cannot. */
function cyclic(): Record<string, unknown> {
  const data: Record<string, unknown> = { surname: 'Коваль' };
  data.self = data;
  return data;
}

const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', 'main', 'backend', 'receipts', 'fonts');
let backend: Backend;
let api: ViknoApi;
let logger: MemoryLogger;
/** One backend serves the whole file (the last test checks it survived the rest), so its folder lives as long. */
let dataRoot: string;
/** Object.prototype as it was: a `__proto__` key merged naively would add to it. */
const PROTOTYPE_BEFORE = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(() => {
  logger = memoryLogger();
  dataRoot = mkdtempSync(join(tmpdir(), 'vikno-fuzz-'));
  backend = createBackend({
    dataDir: join(dataRoot, 'data'),
    appVersion: 'test',
    logger,
    now: () => new Date('2026-11-27T09:30:00Z'),
    fontDir: RECEIPT_FONTS,
  });
  api = asAdmin(connectInProcess(backend));
});
afterAll(async () => {
  await backend.close();
  rmSync(dataRoot, { recursive: true, force: true });
});

const call = (method: MethodName, input: unknown) =>
  (api.call as (name: MethodName, input: unknown) => ReturnType<ViknoApi['call']>)(method, input);

describe('the contract under generated wrong inputs', () => {
  it('has a valid starting input for every method, so each corruption is the only thing wrong', () => {
    expect(new Set(CASES.map((c) => c.method))).toEqual(new Set(Object.keys(methods)));
    for (const c of CASES) expect(methods[c.method].input.safeParse(c.input).success, c.method).toBe(true);
  });

  it.each(CASES.map((c, i) => [`${c.method} #${i}`, c] as const))('%s answers VALIDATION to every wrong input', async (_, c) => {
    await fc.assert(
      fc.asyncProperty(wrongInputs(c), async ({ how, input }) => {
        const result = await call(c.method, input);
        expect(result.ok ? 'ok' : result.error.code, how).toBe('VALIDATION');
      }),
      { numRuns: 60 },
    );
  });

  it('leaves the backend serving normal calls, with nothing logged as an internal failure', async () => {
    expect((await call('app.health', {})).ok).toBe(true);
    const saved = await call('drafts.save', { data: { surname: 'Коваль' } });
    expect(saved.ok).toBe(true);
    const draft = await call('drafts.get', {});
    expect(draft.ok && (draft.value as { data: unknown } | null)?.data).toEqual({ surname: 'Коваль' });
    const services = await call('catalog.search', { q: '' });
    expect(services.ok && (services.value as unknown[]).length).toBeGreaterThan(0);
    expect(logger.entries.filter((entry) => entry.level === 'error')).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_BEFORE);
  });
});
