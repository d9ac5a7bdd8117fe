import Database from 'better-sqlite3';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../shared/contract';
import type { MethodInput, MethodName, MethodSpec, ViknoApi } from '../../shared/contract';
import { createBackend } from '../../main/backend/index';
import type { Backend } from '../../main/backend/index';
import { connectInProcess } from '../../main/backend/transport/in-process';
import { memoryLogger } from '../helpers/memory-logger';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', 'main', 'backend', 'receipts', 'fonts');
const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

/** A small real JPEG (the page every documents call works on). */
let JPEG: Buffer;
beforeAll(async () => {
  JPEG = await sharp({ create: { width: 200, height: 280, channels: 3, background: { r: 220, g: 220, b: 220 } } })
    .jpeg()
    .toBuffer();
});

const PERSON = { kind: 'person' as const, surname: 'Шевченко', givenName: 'Марʼяна', birthDate: '1948-02-28', rnokpp: '1759013776' };

interface Made {
  applicantId: string;
  applicationId: string;
  regNumber: string;
  serviceId: string;
  deadMutations: [string, string];
  paymentId: string;
  /**
   * A line set with two imported pages to edit (not an intake set: registering and discarding the
   * draft drop those), an inbox set with one, a line set with one to attach.
   */
  editSetId: string;
  pageIds: [string, string];
  inboxSetId: string;
  lineSetId: string;
  /** A line's document attached before the calls, and an import begun. */
  documentId: string;
  importId: string;
  /** The scan `documents.scan` started, for `documents.cancelScan`. */
  scanId: string;
}

/**
 * A call of every contract method. Typed over MethodName, so a method added to the contract
 * does not compile here until it is called too: the `writes` marking stays complete.
 */
const CALLS: { [M in MethodName]: (made: Made) => MethodInput<M> } = {
  'app.info': () => ({}),
  'app.health': () => ({}),
  'applicants.search': () => ({ q: 'Шевченко' }),
  'applicants.get': (m) => ({ id: m.applicantId }),
  'applicants.findDuplicates': () => ({ rnokpp: '1759013776' }),
  'applications.listToday': () => ({}),
  'applications.get': (m) => ({ id: m.applicationId }),
  'storage.status': () => ({}),
  'storage.verifyAudit': () => ({}),
  'catalog.search': () => ({ q: '' }),
  'catalog.get': (m) => ({ id: m.serviceId }),
  'catalog.subsistence': () => ({}),
  'intake.register': (m) => ({
    serviceId: m.serviceId,
    applicant: { ...PERSON, id: m.applicantId, phone: '+380671234567' },
    items: [{ name: 'Заява', original: true, sheets: 1 }],
    insisted: { reason: 'Решту документів донесе' },
  }),
  'applications.search': (m) => ({ q: m.regNumber }),
  'applications.changeStatus': (m) => ({ id: m.applicationId, to: 'sent_to_provider' }),
  'applications.update': (m) => ({ id: m.applicationId, notes: 'Телефонувати після 14:00' }),
  'applications.addDocuments': (m) => ({ id: m.applicationId, items: [{ name: 'Довідка', original: false, sheets: 2 }] }),
  'applications.correctLine': (m) => ({
    id: m.applicationId,
    receipt: 1,
    position: 1,
    item: { name: 'Заява про реєстрацію', original: true, sheets: 1 },
    reason: 'Уточнено назву',
  }),
  'applications.addPayment': (m) => ({
    applicationId: m.applicationId,
    entry: { type: 'payment', component: 'admin_fee', amountKopecks: 4992, reference: 'КВ-2', paidOn: '2026-11-27' },
  }),
  'applications.cancelPayment': (m) => ({ applicationId: m.applicationId, paymentId: m.paymentId, reason: 'Не та квитанція' }),
  'drafts.get': () => ({}),
  'drafts.save': () => ({ data: { surname: 'Коваль' } }),
  'drafts.discard': () => ({}),
  'receipts.pdf': (m) => ({ applicationId: m.applicationId, lang: 'uk' }),
  'papers.acknowledgement': (m) => ({ applicationId: m.applicationId, lang: 'uk' }),
  'papers.handoffRegisters': () => ({ day: '2026-12-03', lang: 'uk' }),
  'calendar.list': () => ({ from: '2026-12-01', to: '2026-12-31' }),
  'calendar.put': () => ({ day: '2026-12-25', kind: 'day_off', name: 'Різдво' }),
  'calendar.remove': () => ({ day: '2026-12-25' }),
  'calendar.settings': () => ({}),
  'calendar.setMartialLaw': () => ({ martialLaw: false }),
  'sync.status': () => ({}),
  'sync.now': () => ({}),
  'sync.enroll': () => ({ code: 'ENROLL-CODE-1' }),
  'sync.deadLetters': () => ({}),
  'sync.pendingList': () => ({}),
  'sync.retry': (m) => ({ mutationId: m.deadMutations[0] }),
  'sync.discard': (m) => ({ mutationId: m.deadMutations[1], reason: 'Перевірено' }),
  'queue.state': () => ({}),
  'queue.act': () => ({ action: 'walk_in', serviceCode: null, purpose: 'other' }),
  'queue.statistics': () => ({ from: '2026-11-01T00:00:00Z', to: '2026-11-30T00:00:00Z' }),
  'clerk.me': () => ({}),
  'clerk.rename': () => ({ fullName: 'Коваль Петро' }),
  'auth.state': () => ({}),
  'auth.signIn': () => ({ login: 'nobody', secret: 'wrong-secret' }),
  'auth.unlock': () => ({ secret: 'wrong-secret' }),
  'auth.lock': () => ({}),
  'auth.signOut': () => ({}),
  'auth.changePassword': () => ({ current: 'wrong-secret', next: 'another-secret' }),
  'accounts.list': () => ({}),
  'accounts.save': () => ({ login: 'koval', fullName: 'Коваль Петро', roles: ['clerk'], desks: null, password: 'temporary-1' }),
  'accounts.resetPassword': () => ({ id: 'no-such-account', password: 'temporary-2' }),
  'accounts.setDisabled': () => ({ id: 'no-such-account', disabled: true }),
  'documents.scanners': () => ({}),
  'documents.openSet': () => ({ owner: { kind: 'intake', lineKey: 'birth-certificate' }, label: 'Свідоцтво' }),
  'documents.getSet': (m) => ({ setId: m.editSetId }),
  'documents.inbox': () => ({}),
  // Slow enough (600 dpi) to be running still when the next call cancels it.
  'documents.scan': (m) => ({ setId: m.editSetId, settings: { mode: 'gray', dpi: 600 } }),
  'documents.cancelScan': (m) => ({ scanId: m.scanId }),
  'documents.movePage': (m) => ({ pageId: m.pageIds[0], position: 2 }),
  'documents.rotatePage': (m) => ({ pageId: m.pageIds[0], rotation: 90 }),
  'documents.deletePage': (m) => ({ pageId: m.pageIds[1] }),
  'documents.takeInbox': (m) => ({ fromSetId: m.inboxSetId, toSetId: m.editSetId }),
  'documents.importBegin': (m) => ({ setId: m.editSetId, name: 'scan.jpg', size: JPEG.length, source: 'file' }),
  'documents.importChunk': (m) => ({ importId: m.importId, offset: 0, base64: JPEG.toString('base64') }),
  'documents.importEnd': (m) => ({ importId: m.importId }),
  'documents.thumbnail': (m) => ({ pageId: m.pageIds[0] }),
  'documents.assemble': (m) => ({ setId: m.editSetId }),
  'documents.attach': (m) => ({ setId: m.lineSetId }),
  'documents.list': (m) => ({ applicationId: m.applicationId }),
  'documents.file': (m) => ({ documentId: m.documentId }),
  'documents.purge': () => ({}),
  'review.day': () => ({ from: '2026-11-27', to: '2026-11-27' }),
  'sync.resolve': (m) => ({ mutationId: m.deadMutations[1], reason: 'Взято версію бек-офісу' }),
  'applications.correct': (m) => ({
    applicationId: m.applicationId,
    fields: { notes: 'Дзвонити зранку' },
    reason: 'Примітку внесено помилково',
  }),
};

/**
 * This desk has no back office configured: enrolling cannot succeed, and so cannot queue either;
 * the queue's statistics are the back office's. The application here is not issued: it has no
 * acknowledgement yet. (A standalone desk's walk-in does queue: its tickets sync once enrolled.)
 * The dead letters made here are refusals, not conflicts: there is no back office version to take.
 */
const REFUSED_HERE: ReadonlySet<MethodName> = new Set(['sync.enroll', 'papers.acknowledgement', 'queue.statistics', 'sync.resolve']);
/**
 * The calendar is the center's, kept by the back office: a desk with none keeps it locally and
 * queues nothing (test/integration/sync/center-calendar.test.ts has a desk that syncs).
 */
const LOCAL_WITHOUT_BACK_OFFICE: ReadonlySet<MethodName> = new Set(['calendar.put', 'calendar.remove', 'calendar.setMartialLaw']);
/** Discarding a dead letter queues nothing, but refreshes the status bar's count itself. */
const REFRESH_STATUS_THEMSELVES: ReadonlySet<MethodName> = new Set(['sync.discard']);

const marked = (method: MethodName) => (methods[method] as MethodSpec).writes === true;

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('the contract’s `writes` marking', () => {
  it('is set on exactly the methods whose call queues an outbox mutation, and each such call tells sync', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir);
    // The SANE test device, so `documents.scan` really scans.
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ documents: { scanner: { adapter: 'sane', device: 'test' } } }));
    const backend = createBackend({
      dataDir,
      appVersion: 'test',
      logger: memoryLogger(),
      now: () => new Date('2026-11-27T09:30:00Z'),
      fontDir: RECEIPT_FONTS,
    });
    open.push(backend);
    const api: ViknoApi = connectInProcess(backend);
    let statusEvents = 0;
    api.on('sync.status', () => {
      statusEvents += 1;
    });

    const [service] = await value(api.call('catalog.search', { q: 'ID-01' }));
    const app = await value(
      api.call('intake.register', {
        serviceId: service!.id,
        applicant: PERSON,
        items: service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 })),
      }),
    );
    const paid = await value(
      api.call('applications.addPayment', {
        applicationId: app.id,
        entry: { type: 'payment', component: 'admin_fee', amountKopecks: 4992, reference: 'КВ-1', paidOn: '2026-11-27' },
      }),
    );
    const imported = async (setId: string) => {
      const { importId } = await value(api.call('documents.importBegin', { setId, name: 'page.jpg', size: JPEG.length, source: 'file' }));
      await value(api.call('documents.importChunk', { importId, offset: 0, base64: JPEG.toString('base64') }));
      return value(api.call('documents.importEnd', { importId }));
    };
    const inboxSet = await value(api.call('documents.openSet', { owner: { kind: 'inbox' }, label: 'dropped.jpg' }));
    await imported(inboxSet.id);
    const line = (position: number) => ({ kind: 'line' as const, applicationId: app.id, receipt: 1, position });
    const editSet = await value(api.call('documents.openSet', { owner: line(3), label: 'Третій' }));
    await imported(editSet.id);
    const pages = (await imported(editSet.id)).pages.map((p) => p.id);
    const attachedSet = await value(api.call('documents.openSet', { owner: line(1), label: 'Перший' }));
    await imported(attachedSet.id);
    await value(api.call('documents.attach', { setId: attachedSet.id }));
    const documentId = (await value(api.call('documents.getSet', { setId: attachedSet.id }))).documentId!;
    const lineSet = await value(api.call('documents.openSet', { owner: line(2), label: 'Другий' }));
    await imported(lineSet.id);
    const pending = await value(
      api.call('documents.importBegin', { setId: editSet.id, name: 'late.jpg', size: JPEG.length, source: 'file' }),
    );

    // Changes the back office "refused", for the dead-letter actions to act on.
    const side = new Database(join(dataDir, 'vikno.db'));
    const outboxCount = () => side.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
    const dead = side.prepare('SELECT mutation_id FROM outbox ORDER BY seq').pluck().all() as string[];
    side.prepare("UPDATE outbox SET status = 'dead', last_error = 'refused in the test'").run();
    const made: Made = {
      applicantId: app.applicant.id,
      applicationId: app.id,
      regNumber: app.regNumber,
      serviceId: service!.id,
      deadMutations: [dead[0]!, dead[1]!],
      paymentId: paid.payments[0]!.id,
      editSetId: editSet.id,
      pageIds: [pages[0]!, pages[1]!],
      inboxSetId: inboxSet.id,
      lineSetId: lineSet.id,
      documentId,
      importId: pending.importId,
      scanId: '',
    };

    const queued: MethodName[] = [];
    const told: MethodName[] = [];
    for (const method of Object.keys(CALLS) as MethodName[]) {
      const before = outboxCount();
      const eventsBefore = statusEvents;
      const call = api.call as (name: MethodName, input: unknown) => ReturnType<ViknoApi['call']>;
      const result = await call(method, CALLS[method](made) as unknown);
      if (result.ok && method === 'documents.scan') made.scanId = (result.value as { scanId: string }).scanId;
      await new Promise((resolve) => setImmediate(resolve));
      expect(result.ok, `${method}: ${result.ok ? '' : result.error.message}`).toBe(!REFUSED_HERE.has(method));
      if (outboxCount() > before) queued.push(method);
      if (statusEvents > eventsBefore) told.push(method);
    }
    side.close();

    const all = Object.keys(CALLS) as MethodName[];
    expect(queued).toEqual(all.filter((method) => marked(method) && !LOCAL_WITHOUT_BACK_OFFICE.has(method)));
    expect(told).toEqual(all.filter((method) => marked(method) || REFRESH_STATUS_THEMSELVES.has(method)));
  });
});
