/**
 * Retention of scans on the desk (docs/SYNC.md "Files"): a document attached longer ago than
 * `desk.documents.retentionDays`, whose upload the back office confirmed, no longer needs its
 * files here — its PDF (fetched back when opened) and the page images of the set it was assembled
 * from. Rows stay (hash and metadata); `blobs.purged_at` says the file is gone.
 */
import { rmSync } from 'node:fs';
import { appendAudit } from '../audit/audit-log';
import { blobPath } from '../blobs/blob-store';
import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { statement } from '../db/statements';
import type { Logger } from '../log/logger';
import { UPLOAD_CONFIRMED } from './case-files';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PurgeResult {
  /** Documents whose PDF was removed from this desk. */
  documents: number;
  /** Bytes of the files removed (PDFs and page images), each file counted once. */
  bytes: number;
}

/**
 * Files are content-addressed, so one file may serve several rows: a file is removed only when
 * every row naming it belongs to an expired document (its PDF, its set's assembled PDF or pages).
 * A row of anything else — a recent document, one not yet uploaded, a set still being edited, the
 * inbox — keeps it.
 */
const PURGEABLE_FILES = `
  WITH expired AS (
    SELECT d.id FROM documents d JOIN blobs b ON b.sha256 = d.blob_sha256
    WHERE d.attached_at < ? AND b.purged_at IS NULL AND ${UPLOAD_CONFIRMED}
  ),
  owned AS (
    SELECT d.blob_sha256 AS sha256 FROM documents d WHERE d.id IN expired
    UNION SELECT s.assembled_sha256 FROM page_sets s WHERE s.document_id IN expired AND s.assembled_sha256 IS NOT NULL
    UNION SELECT p.blob_sha256 FROM pages p JOIN page_sets s ON s.id = p.set_id WHERE s.document_id IN expired
  ),
  held AS (
    SELECT d.blob_sha256 AS sha256 FROM documents d WHERE d.id NOT IN expired
    UNION SELECT s.assembled_sha256 FROM page_sets s
      WHERE s.assembled_sha256 IS NOT NULL AND (s.document_id IS NULL OR s.document_id NOT IN expired)
    UNION SELECT p.blob_sha256 FROM pages p JOIN page_sets s ON s.id = p.set_id
      WHERE s.document_id IS NULL OR s.document_id NOT IN expired
  )
  SELECT b.sha256, b.size FROM blobs b
  WHERE b.purged_at IS NULL AND b.sha256 IN owned AND b.sha256 NOT IN held
  ORDER BY b.sha256`;

/**
 * Removes the files retention no longer keeps, in one transaction with its audit event
 * (`document.purge`: counts and document ids), then from disk. The rows are marked first: a
 * crash before a file is removed leaves a file marked purged, which opening it reads and
 * unmarks; never a row that says local for a file that is gone. Synchronous throughout, so no call
 * can attach the same file again between the decision and the removal.
 */
export function purgeExpiredFiles(env: CommandEnv, dataDir: string, logger: Logger): PurgeResult {
  const at = env.now().toISOString();
  const retentionDays = env.desk.documents.retentionDays;
  const cutoff = new Date(env.now().getTime() - retentionDays * DAY_MS).toISOString();
  const removed = runCommand(env.db, () => {
    const files = statement(env.db, PURGEABLE_FILES).all(cutoff) as { sha256: string; size: number }[];
    if (files.length === 0) return null;
    const shas = JSON.stringify(files.map((file) => file.sha256));
    const documentIds = statement(
      env.db,
      'SELECT d.id FROM documents d WHERE d.blob_sha256 IN (SELECT value FROM json_each(?)) ORDER BY d.attached_at, d.id',
    )
      .pluck()
      .all(shas) as string[];
    statement(env.db, 'UPDATE blobs SET purged_at = ? WHERE sha256 IN (SELECT value FROM json_each(?))').run(at, shas);
    const bytes = files.reduce((sum, file) => sum + file.size, 0);
    appendAudit(env.db, {
      at,
      actor: env.clerkId,
      action: 'document.purge',
      entity: 'desk',
      entityId: `${env.desk.center.code}/${env.desk.desk.code}`,
      details: { documents: documentIds.length, files: files.length, bytes, retentionDays, attachedBefore: cutoff, documentIds },
    });
    return { files, documents: documentIds.length, bytes };
  });
  if (!removed) return { documents: 0, bytes: 0 };
  for (const file of removed.files) {
    try {
      rmSync(blobPath(dataDir, file.sha256), { force: true });
    } catch (error) {
      // Marked purged all the same: the back office holds it, and opening it reads or fetches it.
      logger.log('warn', 'A purged file could not be removed from the store', {
        sha256: file.sha256,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { documents: removed.documents, bytes: removed.bytes };
}
