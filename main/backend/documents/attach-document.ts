import type { DocumentSource } from '../../../shared/documents';
import { AppError } from '../../../shared/errors';
import { recordChange, runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { uuidv7 } from '../ids';
import { statement } from '../db/statements';

export interface AttachDocument {
  applicationId: string;
  kind: string;
  pages: number;
  blob: { sha256: string; size: number; mime: string };
  /** The receipt line it belongs to (опис number, 1-based position in it), when it was scanned for one. */
  line?: { receipt: number; position: number };
  source?: DocumentSource;
}

/**
 * Attaches a scanned document (its file already in the content-addressed store) to an
 * application. Its mutation waits in `blocked_on_blob` until the file is uploaded, while other
 * records keep flowing (docs/ARCHITECTURE.md §7.4).
 */
export function attachDocument(env: CommandEnv, input: AttachDocument): string {
  if (!/^[0-9a-f]{64}$/.test(input.blob.sha256)) {
    throw new AppError('VALIDATION', 'Not a SHA-256 hash', [{ path: ['blob', 'sha256'], message: '64 lower-case hex digits' }]);
  }
  const at = env.now().toISOString();
  return runCommand(env.db, () => {
    if (!statement(env.db, 'SELECT 1 FROM applications WHERE id = ? AND deleted_at IS NULL').get(input.applicationId)) {
      throw new AppError('NOT_FOUND', `No application ${input.applicationId}`, [
        { path: ['applicationId'], message: 'no such application' },
      ]);
    }
    statement(env.db, 'INSERT INTO blobs (sha256, size, mime, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING').run(
      input.blob.sha256,
      input.blob.size,
      input.blob.mime,
      at,
    );
    const id = uuidv7();
    statement(
      env.db,
      `INSERT INTO documents (id, application_id, kind, pages, blob_sha256, clerk_id, attached_at, updated_at, receipt_number, line_position, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.applicationId,
      input.kind,
      input.pages,
      input.blob.sha256,
      env.clerkId,
      at,
      at,
      input.line?.receipt ?? null,
      input.line?.position ?? null,
      input.source ?? null,
    );
    recordChange(
      env,
      at,
      {
        kind: 'document.attach',
        payload: {
          id,
          applicationId: input.applicationId,
          kind: input.kind,
          pages: input.pages,
          blobSha256: input.blob.sha256,
          ...(input.line ? { receipt: input.line.receipt, position: input.line.position } : {}),
          ...(input.source ? { source: input.source } : {}),
        },
        baseVersion: null,
        blockedOnBlob: true,
      },
      { action: 'document.attach', entity: 'document', entityId: id, details: { applicationId: input.applicationId } },
    );
    return id;
  });
}

/** Detaches a document: a tombstone, never a delete, so the back office learns of it. */
export function detachDocument(env: CommandEnv, documentId: string, reason: string): void {
  const at = env.now().toISOString();
  runCommand(env.db, () => {
    const doc = statement(env.db, 'SELECT application_id, server_version FROM documents WHERE id = ? AND deleted_at IS NULL').get(
      documentId,
    ) as { application_id: string; server_version: number | null } | undefined;
    if (!doc) throw new AppError('NOT_FOUND', `No document ${documentId}`, [{ path: ['documentId'], message: 'no such document' }]);
    statement(env.db, 'UPDATE documents SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, documentId);
    recordChange(
      env,
      at,
      {
        kind: 'document.detach',
        payload: { id: documentId, applicationId: doc.application_id, reason },
        baseVersion: doc.server_version,
      },
      { action: 'document.detach', entity: 'document', entityId: documentId, details: { reason } },
    );
  });
}
