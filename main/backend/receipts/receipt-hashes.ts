import type { Db } from '../db/open';
import { statement } from '../db/statements';

/**
 * The SHA-256 of a receipt's PDF as first produced, kept when none is on file: the hash on file,
 * which a reprint must equal (receipt_pdfs is append-only).
 */
export function keepReceiptHash(
  db: Db,
  r: { applicationId: string; number: number; version: number; lang: 'uk' | 'en'; sha256: string; at: string },
): string {
  statement(
    db,
    `INSERT INTO receipt_pdfs (application_id, number, version, lang, sha256, produced_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  ).run(r.applicationId, r.number, r.version, r.lang, r.sha256, r.at);
  return statement(db, 'SELECT sha256 FROM receipt_pdfs WHERE application_id = ? AND number = ? AND version = ? AND lang = ?')
    .pluck()
    .get(r.applicationId, r.number, r.version, r.lang) as string;
}
