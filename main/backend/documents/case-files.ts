/**
 * A case's documents as the Documents screen sees them, and a document's PDF (docs/SYNC.md
 * "Files"): read from this desk's store, or fetched back from the back office when retention
 * removed it here.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { CaseDocument } from '../../../shared/documents';
import { AppError } from '../../../shared/errors';
import { recordView } from '../audit/record-view';
import { blobPath } from '../blobs/blob-store';
import { downloadBlob } from '../blobs/download-blob';
import type { BlobHttpOptions } from '../blobs/upload-blob';
import type { CommandEnv } from '../commands/unit-of-work';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/**
 * Whether the back office confirmed document `d`: its `document.attach` was acknowledged with a
 * server version. The server applies an attach only once it verified the file, so this is the
 * proof the file is there; an attach a supervisor discarded is closed as acked without a version.
 */
export const UPLOAD_CONFIRMED = `EXISTS (
  SELECT 1 FROM outbox o
  WHERE o.aggregate = 'application:' || d.application_id AND o.kind = 'document.attach'
    AND json_extract(o.payload, '$.id') = d.id AND o.status = 'acked' AND o.server_version IS NOT NULL)`;

interface DocumentRow {
  id: string;
  application_id: string;
  kind: string;
  receipt_number: number | null;
  line_position: number | null;
  pages: number;
  blob_sha256: string;
  size: number;
  source: CaseDocument['source'];
  attached_at: string;
  purged_at: string | null;
  uploaded: 0 | 1;
}

const SELECT_DOCUMENT = `SELECT d.id, d.application_id, d.kind, d.receipt_number, d.line_position, d.pages, d.blob_sha256, b.size,
    d.source, d.attached_at, b.purged_at, ${UPLOAD_CONFIRMED} AS uploaded
  FROM documents d JOIN blobs b ON b.sha256 = d.blob_sha256`;

function caseDocument(row: DocumentRow): CaseDocument {
  return {
    id: row.id,
    applicationId: row.application_id,
    kind: row.kind,
    receipt: row.receipt_number,
    position: row.line_position,
    pages: row.pages,
    sha256: row.blob_sha256,
    bytes: row.size,
    source: row.source,
    attachedAt: row.attached_at,
    file: row.purged_at === null ? 'local' : 'purged',
    uploaded: row.uploaded === 1,
  };
}

/** The application's documents not detached, by receipt line, then as attached. */
export function listCaseDocuments(db: Db, applicationId: string): CaseDocument[] {
  if (!statement(db, 'SELECT 1 FROM applications WHERE id = ? AND deleted_at IS NULL').get(applicationId)) {
    throw new AppError('NOT_FOUND', `No application ${applicationId}`, [{ path: ['applicationId'], message: 'no such application' }]);
  }
  const rows = statement(
    db,
    `${SELECT_DOCUMENT} WHERE d.application_id = ? AND d.deleted_at IS NULL
     ORDER BY d.receipt_number IS NULL, d.receipt_number, d.line_position, d.attached_at, d.id`,
  ).all(applicationId) as DocumentRow[];
  return rows.map(caseDocument);
}

/** `<regNumber>-<receipt>-<position>.pdf` (the document's id for one without a receipt line), in characters any file system takes. */
export function documentFileName(regNumber: string, doc: Pick<CaseDocument, 'id' | 'receipt' | 'position'>): string {
  const line = doc.receipt !== null && doc.position !== null ? `${doc.receipt}-${doc.position}` : doc.id;
  return `${regNumber}-${line}`.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[.]+/, '_') + '.pdf';
}

export interface DocumentFileDeps {
  dataDir: string;
  blobHttp(): BlobHttpOptions | null;
}

async function fetchBack(deps: DocumentFileDeps, sha256: string): Promise<void> {
  const http = deps.blobHttp();
  if (!http) {
    throw new AppError('UNAVAILABLE', 'This file was removed from the desk and the desk has no back office to fetch it from', [
      { path: ['file'], message: 'offline' },
    ]);
  }
  await downloadBlob(http, deps.dataDir, sha256);
}

/** A document's PDF, fetched back first when this desk no longer holds it; the view is audited. */
export async function readDocumentFile(
  deps: DocumentFileDeps,
  env: CommandEnv,
  documentId: string,
): Promise<{ fileName: string; base64: string }> {
  const row = statement(env.db, `${SELECT_DOCUMENT} WHERE d.id = ? AND d.deleted_at IS NULL`).get(documentId) as DocumentRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No document ${documentId}`, [{ path: ['documentId'], message: 'no such document' }]);
  const path = blobPath(deps.dataDir, row.blob_sha256);
  // The store only ever holds whole files under their hash: one there is the file, whatever the row says (a purge cut
  // short after marking it, or the same file stored again since).
  if (!existsSync(path)) await fetchBack(deps, row.blob_sha256);
  if (row.purged_at !== null) statement(env.db, 'UPDATE blobs SET purged_at = NULL WHERE sha256 = ?').run(row.blob_sha256);
  // No await between the fetch (or the check) and this read: a purge, synchronous itself, cannot come in between.
  const bytes = readFileSync(path);
  const regNumber = statement(env.db, 'SELECT reg_number FROM applications WHERE id = ?').pluck().get(row.application_id) as string;
  recordView(env, 'document', documentId);
  return { fileName: documentFileName(regNumber, caseDocument(row)), base64: bytes.toString('base64') };
}
