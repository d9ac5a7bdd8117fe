/**
 * A real desk for the documents store's tests: a backend on a temp data folder (real SQLite file,
 * real `scanimage -d test` unless the config says otherwise) reached through the in-process
 * transport, with the events it sent and small real files to import.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { EventPayload, MethodInput, MethodName, MethodOutput, ViknoApi } from '../../../../shared/contract';
import { IMPORT_CHUNK_BYTES } from '../../../../shared/documents';
import type { PageSetView, ScanProgress } from '../../../../shared/documents';
import { createBackend } from '../../../../main/backend/index';
import type { Backend } from '../../../../main/backend/index';
import { connectInProcess } from '../../../../main/backend/transport/in-process';
import { memoryLogger } from '../../../helpers/memory-logger';
import type { MemoryLogger } from '../../../helpers/memory-logger';
import { asAdmin } from '../../../helpers/sign-in-first';
import { useTempDirs } from '../../../helpers/temp-dir';

export const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');
/** The SANE test device: quick settings (gray, low dpi) keep a page well under a second. */
export const SANE_TEST = { adapter: 'sane', device: 'test', mode: 'gray', dpi: 75 } as const;

export const PERSON = {
  kind: 'person' as const,
  surname: 'Шевченко',
  givenName: 'Марʼяна',
  birthDate: '1948-02-28',
  rnokpp: '1759013776',
};

export interface Refusal {
  code: string;
  issues: Array<{ path: Array<string | number>; message: string }>;
}

export function useDesks() {
  const tempDir = useTempDirs();
  const open: Backend[] = [];
  afterEach(async () => {
    for (const backend of open.splice(0)) await backend.close();
  });

  /** `documents` is the config's `documents` section, or made from the desk's own temp folder. */
  return function startDesk(documents: object | ((root: string) => object) = { scanner: SANE_TEST }) {
    const root = tempDir();
    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({ documents: typeof documents === 'function' ? documents(root) : documents }),
    );
    const logger: MemoryLogger = memoryLogger();
    const backend = createBackend({
      dataDir,
      appVersion: 'test',
      logger,
      now: () => new Date('2026-11-27T09:30:00Z'),
      fontDir: RECEIPT_FONTS,
    });
    open.push(backend);
    const api: ViknoApi = asAdmin(connectInProcess(backend));
    const progress: ScanProgress[] = [];
    const inbox: Array<EventPayload<'documents.inbox'>> = [];
    api.on('scan.progress', (event) => progress.push(event));
    api.on('documents.inbox', (event) => inbox.push(event));

    async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const result = await api.call(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
      return result.value;
    }
    async function refused<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Refusal> {
      const result = await api.call(method, input);
      if (result.ok) throw new Error(`${method} was expected to be refused`);
      const details = result.error.details as { issues?: Refusal['issues'] } | undefined;
      return { code: result.error.code, issues: details?.issues ?? [] };
    }
    /** Resolves with the scan's events once its last one (finished, cancelled, failed) came. */
    async function scanned(scanId: string): Promise<ScanProgress[]> {
      for (;;) {
        const mine = progress.filter((event) => event.scanId === scanId);
        if (mine.some((event) => event.state !== 'scanning')) return mine;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    /** A file sent as the renderer sends it: begin, chunks, end. */
    async function importFile(setId: string, name: string, bytes: Uint8Array, source: 'file' | 'diia' = 'file'): Promise<PageSetView> {
      const { importId } = await call('documents.importBegin', { setId, name, size: bytes.length, source });
      for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
        const base64 = Buffer.from(bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES)).toString('base64');
        await call('documents.importChunk', { importId, offset, base64 });
      }
      return call('documents.importEnd', { importId });
    }
    function count(sql: string): number {
      const db = new Database(join(dataDir, 'vikno.db'), { readonly: true });
      try {
        return db.prepare(sql).pluck().get() as number;
      } finally {
        db.close();
      }
    }
    async function registerWith(items: Array<{ name: string; sheets?: number }>, documents: Array<{ item: number; setId: string }>) {
      const [service] = await call('catalog.search', { q: 'ID-01' });
      return api.call('intake.register', {
        serviceId: service!.id,
        applicant: PERSON,
        items: items.map((item) => ({ name: item.name, original: true, sheets: item.sheets ?? 1 })),
        insisted: { reason: 'Решту документів донесе' },
        documents,
      });
    }
    return { root, dataDir, api, call, refused, scanned, importFile, count, registerWith, progress, inbox, logger, backend };
  };
}
