import Database from 'better-sqlite3';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../shared/contract';
import type { MethodName, MethodSpec, ViknoApi } from '../../shared/contract';
import { CALLS, PERSON } from './contract-calls';
import type { Made } from './contract-calls';
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

/**
 * This desk has no back office configured: enrolling cannot succeed, and so cannot queue either;
 * the queue's statistics are the back office's. The application here is not issued: it has no
 * acknowledgement yet. (A standalone desk's walk-in does queue: its tickets sync once enrolled.)
 */
const REFUSED_HERE: ReadonlySet<MethodName> = new Set(['sync.enroll', 'papers.acknowledgement', 'queue.statistics']);
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
      jpeg: JPEG,
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
