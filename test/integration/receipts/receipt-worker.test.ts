/**
 * Receipts rendered on a worker thread (receipts/receipt-renderer.ts): the same bytes as
 * in-process (a reprint is compared by SHA-256 with the first print), the same error, a worker
 * that died is replaced at the next receipt, and the backend answers other calls while one renders.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ViknoApi } from '../../../shared/contract';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { renderReceipt } from '../../../main/backend/receipts/receipt-pdf';
import type { ReceiptData } from '../../../main/backend/receipts/receipt-pdf';
import type * as ReceiptPdf from '../../../main/backend/receipts/receipt-pdf';
import { createReceiptRenderer } from '../../../main/backend/receipts/receipt-renderer';
import type { ReceiptRenderer } from '../../../main/backend/receipts/receipt-renderer';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { memoryLogger } from '../../helpers/memory-logger';
import { useReceiptWorker } from '../../helpers/receipt-worker';
import { unwrap } from '../../helpers/sign-in';
import { asAdmin } from '../../helpers/sign-in-first';
import { useTempDirs } from '../../helpers/temp-dir';

// A spy, not a mock: every call goes to the real renderReceipt; the backend's test counts the calls made on this thread.
vi.mock('../../../main/backend/receipts/receipt-pdf', async (importOriginal) => {
  const real = await importOriginal<typeof ReceiptPdf>();
  return { ...real, renderReceipt: vi.fn(real.renderReceipt) };
});

const tempDir = useTempDirs();
const receiptWorker = useReceiptWorker();
const fontDir = join(import.meta.dirname, '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');
const CONFIG = { center: { code: 'KV01', name: 'ЦНАП Подільського району' }, desk: { code: '07', window: '7' } };

const closing: (Backend | ReceiptRenderer)[] = [];
afterEach(async () => {
  for (const open of closing.splice(0)) await open.close();
});

function renderer(onWorker?: (worker: Worker) => void): ReceiptRenderer {
  const made = createReceiptRenderer(receiptWorker(), onWorker);
  closing.push(made);
  return made;
}

const numbered: ReceiptData = {
  center: { name: 'Центр надання адміністративних послуг Подільської районної в місті Києві державної адміністрації', code: 'ЦНАП-0815' },
  window: '3',
  clerkName: 'Петренко Олена Василівна',
  regNumber: 'KV01-20261127-0007',
  registeredAt: '2026-11-27T08:42:00Z',
  registeredOn: '2026-11-27',
  applicant: { displayName: 'Шевченко Марʼяна Іванівна', taxId: { kind: 'rnokpp', value: '1759013776' } },
  representative: { name: 'Коваль Петро Іванович', poaNumber: '125/2026', poaDate: '2026-02-01' },
  service: { name: 'Оформлення паспорта громадянина України у формі ID-картки', provider: 'Державна міграційна служба України' },
  items: [
    { name: 'Заява-анкета для оформлення паспорта громадянина України у формі ID-картки', original: true, sheets: 1 },
    { name: 'Свідоцтво про народження (Єдиний державний демографічний реєстр)', original: false, sheets: 2 },
    { name: 'Паспорт громадянина України', original: true, sheets: 2, returned: true },
  ],
  dueDate: '2026-12-24',
  resultDelivery: 'in_person',
  issue: { number: 2, version: 2, issuedAt: '2026-11-28T09:10:00Z', correction: { position: 2, reason: 'помилка в назві документа' } },
  terms: {
    deadline: 'не пізніше 20 робочих днів з дня реєстрації',
    fee: { totalKopecks: 12_345, lines: [], conditions: [], exemption: null },
  },
};

describe('receipts rendered on the worker', () => {
  it.each(['uk', 'en'] as const)('are byte for byte the receipts rendered in-process (%s)', async (lang) => {
    const onWorker = renderer();
    const [there, here] = await Promise.all([onWorker.render(numbered, lang, { fontDir }), renderReceipt(numbered, lang, { fontDir })]);
    expect(Buffer.from(there).equals(Buffer.from(here))).toBe(true);
  });

  it('fails as in-process rendering fails, and keeps serving', async () => {
    const onWorker = renderer();
    // The bold font missing only: with both missing, which read fails first would vary from run to run.
    const missing = { fontDir: tempDir() };
    copyFileSync(join(fontDir, 'DejaVuSans.ttf'), join(missing.fontDir, 'DejaVuSans.ttf'));
    const inProcess = await renderReceipt(numbered, 'uk', missing).catch((error: unknown) => error);
    const worker = await onWorker.render(numbered, 'uk', missing).catch((error: unknown) => error);
    expect(inProcess).toBeInstanceOf(Error);
    expect(worker).toBeInstanceOf(Error);
    expect(worker).toEqual(inProcess);
    expect({ ...(worker as Error) }).toEqual({ ...(inProcess as Error) });
    expect(
      Buffer.from(await onWorker.render(numbered, 'uk', { fontDir })).equals(Buffer.from(await renderReceipt(numbered, 'uk', { fontDir }))),
    ).toBe(true);
  });

  it('starts a new worker at the next receipt after one died', async () => {
    const started: Worker[] = [];
    const onWorker = renderer((worker) => started.push(worker));
    await onWorker.render(numbered, 'uk', { fontDir });
    // A message the worker cannot read throws on its thread, uncaught: it dies (exit code 1).
    const died = new Promise((resolve) => started[0]!.once('exit', resolve));
    started[0]!.postMessage(null);
    const inFlight = onWorker.render(numbered, 'en', { fontDir });
    await expect(inFlight).rejects.toThrow(/receipt renderer/);
    expect(await died).toBe(1);
    const after = await onWorker.render(numbered, 'en', { fontDir });
    expect(started).toHaveLength(2);
    expect(Buffer.from(after).equals(Buffer.from(await renderReceipt(numbered, 'en', { fontDir })))).toBe(true);
  });

  it('does not refuse a receipt sent to the new worker when the dead one exits after it was asked', async () => {
    const started: Worker[] = [];
    let askedMeanwhile: Promise<Uint8Array> | undefined;
    const onWorker = renderer((worker) => {
      started.push(worker);
      // Between a worker's 'error' and its 'exit' the backend goes on: the panel asks for a receipt then.
      if (started.length === 1) worker.once('error', () => (askedMeanwhile = onWorker.render(numbered, 'uk', { fontDir })));
    });
    await onWorker.render(numbered, 'uk', { fontDir });
    const exited = new Promise((resolve) => started[0]!.once('exit', resolve));
    started[0]!.postMessage(null);
    await exited;
    expect(started).toHaveLength(2);
    const pdf = await askedMeanwhile!;
    expect(Buffer.from(pdf).equals(Buffer.from(await renderReceipt(numbered, 'uk', { fontDir })))).toBe(true);
  });
});

const PERSON = {
  kind: 'person' as const,
  surname: 'Шевченко',
  givenName: 'Марʼяна',
  birthDate: '1948-02-28',
  rnokpp: '1759013776',
  idDoc: { type: 'id_card' as const, number: '001234567', validUntil: '2030-02-28' },
};

function startDesk(receiptWorkerFile: string | undefined): ViknoApi {
  const dataDir = join(tempDir(), 'data');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify(CONFIG));
  const backend = createBackend({
    dataDir,
    appVersion: 'test',
    logger: memoryLogger(),
    fontDir,
    ...(receiptWorkerFile === undefined ? {} : { receiptWorker: receiptWorkerFile }),
  });
  closing.push(backend);
  return asAdmin(connectInProcess(backend));
}

describe('a backend with the receipt worker', () => {
  it('renders off its thread and answers a search asked while both receipts render, before them', async () => {
    const api = startDesk(receiptWorker());
    const [service] = await unwrap(api.call('catalog.search', { q: 'ID-01' }));
    const items = service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 }));
    const app = await unwrap(api.call('intake.register', { serviceId: service!.id, applicant: PERSON, items }));
    // The first print starts the worker and keeps the receipt's hash.
    const first = await unwrap(api.call('receipts.pdf', { applicationId: app.id, lang: 'uk' }));
    vi.mocked(renderReceipt).mockClear();
    const answered: string[] = [];
    // As the registered panel does: both languages at once.
    const receipts = (['uk', 'en'] as const).map((lang) =>
      unwrap(api.call('receipts.pdf', { applicationId: app.id, lang })).then((pdf) => {
        answered.push(`receipt ${lang}`);
        return pdf;
      }),
    );
    // The clerk types in the next turn of the event loop, after the receipts' calls have started.
    await new Promise((resolve) => setImmediate(resolve));
    const found = unwrap(api.call('applicants.search', { q: 'Шевченко' })).then((rows) => {
      answered.push('search');
      return rows;
    });
    const [uk] = await Promise.all(receipts);
    expect((await found).map((row) => row.id)).toEqual([app.applicant.id]);
    expect(answered).toEqual(['search', 'receipt uk', 'receipt en']);
    expect(renderReceipt).not.toHaveBeenCalled();
    // A reprint from the worker is the first print: the backend kept its hash and did not refuse it.
    expect(uk?.base64).toBe(first.base64);
  });
});
