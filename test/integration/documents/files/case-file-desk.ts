/**
 * A real desk database enrolled with a real back office, its case-file methods behind the
 * contract's gate (input, role and output checked as for any call), and the steps the sync
 * engine takes to deliver a document: upload its file, then push its attach.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { putBlob } from '../../../../main/backend/blobs/blob-store';
import { deskBlobHttp } from '../../../../main/backend/blobs/download-blob';
import { DEFAULT_DESK } from '../../../../main/backend/config/desk-config';
import { caseFileHandlers } from '../../../../main/backend/documents/case-file-handlers';
import { attachDocument } from '../../../../main/backend/documents/attach-document';
import { createDispatcher } from '../../../../main/backend/dispatch';
import { createFileUploader } from '../../../../main/backend/sync/file-upload';
import { markInflight, recordResults, takeBatch } from '../../../../main/backend/sync/outbox-queue';
import { writeSyncState } from '../../../../main/backend/sync/sync-state';
import { methods } from '../../../../shared/contract';
import type { Role } from '../../../../shared/roles';
import { PUSH_MAX_BYTES, PUSH_MAX_MUTATIONS } from '../../../../shared/sync-protocol';
import { addApplication, openTestDesk } from '../../../helpers/desk-db';
import type { TestDesk } from '../../../helpers/desk-db';
import { memoryLogger } from '../../../helpers/memory-logger';
import type { MemoryLogger } from '../../../helpers/memory-logger';
import { TEST_CLERK_NAME } from '../../server/harness';
import type { Desk, Harness } from '../../server/harness';

const CASE_FILE_METHODS = {
  'documents.list': methods['documents.list'],
  'documents.file': methods['documents.file'],
  'documents.purge': methods['documents.purge'],
};

export type CallResult = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } };

export interface CaseFileDesk {
  dataDir: string;
  test: TestDesk;
  device: Desk;
  logger: MemoryLogger;
  /** A contract call as a clerk (or with other roles). */
  call(method: keyof typeof CASE_FILE_METHODS, input: unknown, roles?: readonly Role[]): Promise<CallResult>;
  /** Where the desk looks for the back office from now on (a dead address: the server is down). */
  setBackOffice(url: string | null): void;
  /** A new application with one receipt line; its id and registration number. */
  register(): { id: string; regNumber: string };
  /** A PDF of `bytes` put in the store and attached to the application. */
  attach(applicationId: string, bytes: Uint8Array): Promise<{ documentId: string; sha256: string; size: number }>;
  /** Uploads waiting files and pushes everything ready, as a sync cycle would. */
  deliver(): Promise<string[]>;
}

/** A one-page PDF made by pdf-lib whose text is `label` (different labels, different files). */
export async function smallPdf(label: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setCreationDate(new Date('2026-11-27T09:30:00Z'));
  pdf.setModificationDate(new Date('2026-11-27T09:30:00Z'));
  const page = pdf.addPage([300, 120]);
  page.drawText(label, { x: 12, y: 60, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

/** `deskCode` must differ between desks of one server: registration numbers are unique per center and desk. */
export async function caseFileDesk(server: Harness, dataDir: string, deskCode: string): Promise<CaseFileDesk> {
  let backOffice: string | null = server.url;
  const test = openTestDesk(dataDir, {
    ...DEFAULT_DESK,
    center: { code: 'KV01', name: 'ЦНАП' },
    desk: { code: deskCode, window: deskCode },
    backOfficeUrl: server.url,
  });
  const device = await server.enrollDesk('KV01', deskCode);
  writeSyncState(test.db, 'device_token', device.token);
  // The desk works as the clerk signed in on the device (the back office refuses changes of any other), known here as a pulled account is.
  test.db
    .prepare(
      "INSERT INTO clerks (id, full_name, roles, is_local, origin, created_at, updated_at) VALUES (?, ?, '[\"clerk\"]', 0, 'back_office', ?, ?)",
    )
    .run(device.clerkId, TEST_CLERK_NAME, test.env.now().toISOString(), test.env.now().toISOString());
  test.env.clerkId = device.clerkId;
  const logger = memoryLogger();
  const actor = () => test.env.clerkId;
  const dispatch = createDispatcher(
    CASE_FILE_METHODS,
    caseFileHandlers({
      db: test.db,
      desk: test.env.desk,
      now: test.env.now,
      dataDir,
      logger,
      emit: () => undefined,
      blobHttp: () => deskBlobHttp(test.db, backOffice, actor, fetch),
    }),
    logger,
  );
  const uploader = createFileUploader({ db: test.db, dataDir, baseUrl: server.url, token: () => device.token, actor, fetch });
  return {
    dataDir,
    test,
    device,
    logger,
    call: (method, input, roles = ['clerk']) =>
      dispatch(method, input, { session: { clerkId: test.env.clerkId, roles } }) as Promise<CallResult>,
    setBackOffice(url) {
      backOffice = url;
    },
    register() {
      const { app } = addApplication(test.env);
      return { id: app.id, regNumber: app.regNumber };
    },
    async attach(applicationId, bytes) {
      const blob = await putBlob(dataDir, bytes);
      const documentId = attachDocument(test.env, {
        applicationId,
        kind: 'passport',
        pages: 1,
        blob: { ...blob, mime: 'application/pdf' },
      });
      return { documentId, ...blob };
    },
    async deliver() {
      const run = await uploader.run();
      if (run.failed.length > 0) throw new Error(`Uploads failed: ${JSON.stringify(run.failed)}`);
      const outcomes: string[] = [];
      for (;;) {
        const batch = takeBatch(test.db, test.env.now(), PUSH_MAX_MUTATIONS, PUSH_MAX_BYTES);
        if (batch.length === 0) return outcomes;
        markInflight(
          test.db,
          batch.map((m) => m.mutationId),
        );
        const results = await server.push(device, batch);
        recordResults(test.db, results, test.env.now(), () => 0);
        outcomes.push(...results.map((r) => `${batch.find((m) => m.mutationId === r.mutationId)?.kind} ${r.status}`));
      }
    },
  };
}
