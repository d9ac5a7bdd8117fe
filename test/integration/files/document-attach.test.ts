import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobPath, putBlob } from '../../../main/backend/blobs/blob-store';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { DEFAULT_DESK } from '../../../main/backend/config/desk-config';
import { attachDocument } from '../../../main/backend/documents/attach-document';
import type { Db } from '../../../main/backend/db/open';
import { createFileUploader } from '../../../main/backend/sync/file-upload';
import type { FileProgress } from '../../../main/backend/sync/file-upload';
import { markInflight, recordResults, takeBatch } from '../../../main/backend/sync/outbox-queue';
import { RegisterApplication } from '../../../shared/domain/application';
import { PUSH_MAX_BYTES, PUSH_MAX_MUTATIONS } from '../../../shared/sync-protocol';
import { addApplicant, openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';
import { byDeskClerk, STORAGES, useServer } from '../server/harness';
import type { Desk } from '../server/harness';
import { link, MiB, randomBytes } from './upload-helpers';

const tempDir = useTempDirs();

function outboxStatus(db: Db, kind: string): string {
  return db.prepare('SELECT status FROM outbox WHERE kind = ?').pluck().get(kind) as string;
}

describe.each(STORAGES)('a document and its scan on %s', (kind) => {
  const server = useServer(kind);

  /** One push of whatever the outbox has ready, answered as the sync engine would record it. */
  async function pushReady(db: Db, desk: Desk): Promise<string[]> {
    const batch = takeBatch(db, new Date(), PUSH_MAX_MUTATIONS, PUSH_MAX_BYTES);
    markInflight(
      db,
      batch.map((m) => m.mutationId),
    );
    const results = await server.push(desk, byDeskClerk(desk, batch));
    recordResults(db, results, new Date(), () => 0);
    return results.map((r) => `${batch.find((m) => m.mutationId === r.mutationId)?.kind} ${r.status}`);
  }

  it('delivers the attach only after the server has verified the file', async () => {
    const dataDir = tempDir();
    const deskDb = openTestDesk(dataDir);
    const desk = await server.enrollDesk(deskDb.env.desk.center.code);
    const applicant = addApplicant(deskDb.env);
    const app = registerApplication(
      deskDb.env,
      RegisterApplication.parse({
        serviceId: SAMPLE_SERVICE.id,
        applicantId: applicant.id,
        items: [{ name: 'Заява-анкета', original: true, sheets: 1 }],
      }),
    );
    const blob = await putBlob(dataDir, randomBytes(9 * MiB, 8));
    const documentId = attachDocument(deskDb.env, {
      applicationId: app.id,
      kind: 'passport',
      pages: 2,
      blob: { ...blob, mime: 'application/pdf' },
    });

    // The application flows; its document waits for the file.
    expect(await pushReady(deskDb.db, desk)).toEqual(['applicant.create applied', 'application.register applied']);
    expect(outboxStatus(deskDb.db, 'document.attach')).toBe('blocked_on_blob');

    // Even if the desk sent it now, the server would not apply it without the file.
    deskDb.db.prepare("UPDATE outbox SET status = 'pending' WHERE kind = 'document.attach'").run();
    expect(await pushReady(deskDb.db, desk)).toEqual(['document.attach retry_later']);
    expect(outboxStatus(deskDb.db, 'document.attach')).toBe('blocked_on_blob');

    const wire = link();
    const progress: FileProgress[] = [];
    const uploader = createFileUploader({
      db: deskDb.db,
      dataDir,
      baseUrl: server.url,
      token: () => desk.token,
      actor: () => 'clerk-1',
      fetch: wire.fetch,
      onProgress: (p) => progress.push(p),
    });
    expect(uploader.progress()).toEqual({ files: 1, bytesLeft: 9 * MiB });
    expect(await uploader.run()).toEqual({ stored: [blob.sha256], failed: [] });
    expect(progress).toContainEqual({ files: 1, bytesLeft: 5 * MiB });
    expect(progress.at(-1)).toEqual({ files: 0, bytesLeft: 0 });
    expect(wire.sent.filter((s) => s.method === 'PUT')).toHaveLength(3);
    expect(outboxStatus(deskDb.db, 'document.attach')).toBe('pending');

    expect(await pushReady(deskDb.db, desk)).toEqual(['document.attach applied']);
    expect(outboxStatus(deskDb.db, 'document.attach')).toBe('acked');
    const pulled = (await server.pull(desk, 0)).changes.filter((c) => c.id === app.id).at(-1);
    expect(pulled?.data?.documents).toEqual([
      expect.objectContaining({ id: documentId, kind: 'passport', pages: 2, blobSha256: blob.sha256, deletedAt: null }),
    ]);

    // Nothing left: a second run uploads nothing.
    expect(await uploader.run()).toEqual({ stored: [], failed: [] });
    deskDb.db.close();
  });

  it('sends documents whose file is missing locally or too large to the dead letters', async () => {
    const dataDir = tempDir();
    // Another desk of the center than the test above, which registered …-07-…-0001 on this server: numbers are unique per center.
    const deskDb = openTestDesk(dataDir, { ...DEFAULT_DESK, center: { code: 'KV01', name: 'ЦНАП' }, desk: { code: '08', window: '8' } });
    const desk = await server.enrollDesk(deskDb.env.desk.center.code, '08');
    const applicant = addApplicant(deskDb.env);
    const app = registerApplication(
      deskDb.env,
      RegisterApplication.parse({
        serviceId: SAMPLE_SERVICE.id,
        applicantId: applicant.id,
        items: [{ name: 'Заява-анкета', original: true, sheets: 1 }],
      }),
    );
    const [missing, huge] = ['d'.repeat(64), 'e'.repeat(64)];
    attachDocument(deskDb.env, {
      applicationId: app.id,
      kind: 'passport',
      pages: 1,
      blob: { sha256: missing, size: 10, mime: 'image/png' },
    });
    // A sparse file: the server refuses it at announce, before a byte is read.
    mkdirSync(dirname(blobPath(dataDir, huge)), { recursive: true });
    writeFileSync(blobPath(dataDir, huge), '');
    truncateSync(blobPath(dataDir, huge), 300 * MiB);
    attachDocument(deskDb.env, {
      applicationId: app.id,
      kind: 'contract',
      pages: 90,
      blob: { sha256: huge, size: 300 * MiB, mime: 'image/tiff' },
    });
    expect(await pushReady(deskDb.db, desk)).toEqual(['applicant.create applied', 'application.register applied']);

    const uploader = createFileUploader({
      db: deskDb.db,
      dataDir,
      baseUrl: server.url,
      token: () => desk.token,
      actor: () => 'clerk-1',
      fetch,
    });
    const run = await uploader.run();
    expect(run.stored).toEqual([]);
    expect(run.failed).toEqual([
      { sha256: missing, kind: 'missing_locally', message: expect.stringContaining('missing') },
      { sha256: huge, kind: 'too_large', message: expect.stringContaining('accepts files up to') },
    ]);
    const dead = deskDb.db
      .prepare("SELECT json_extract(last_error, '$.code') FROM outbox WHERE status = 'dead' ORDER BY seq")
      .pluck()
      .all();
    expect(dead).toEqual(['file_missing', 'file_too_large']);
    expect(uploader.progress()).toEqual({ files: 0, bytesLeft: 0 });
    deskDb.db.close();
  });
});
