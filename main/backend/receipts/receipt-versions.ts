import { currentLines } from '../../../shared/domain/receipt';
import type { ReceiptVersion } from '../../../shared/domain/receipt';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

interface ReceiptRow {
  number: number;
  version: number;
  issued_at: string;
  clerk_id: string;
  clerk_name: string;
  lines: string;
  correction: string | null;
  layout: 1 | 2;
}

/** Every receipt issued for an application, oldest first (опис №1 v1, v2 …, №2 …). */
export function readReceipts(db: Db, applicationId: string): ReceiptVersion[] {
  const rows = statement(db, 'SELECT * FROM application_receipts WHERE application_id = ? ORDER BY number, version').all(
    applicationId,
  ) as ReceiptRow[];
  return rows.map((row) => ({
    number: row.number,
    version: row.version,
    issuedAt: row.issued_at,
    clerkId: row.clerk_id,
    clerkName: row.clerk_name,
    // Lines of earlier versions have no `returned`: they were all handed in.
    lines: (JSON.parse(row.lines) as ReceiptVersion['lines']).map((line) => ({ ...line, returned: line.returned ?? false })),
    correction: row.correction === null ? null : (JSON.parse(row.correction) as ReceiptVersion['correction']),
    layout: row.layout,
  }));
}

/**
 * Adds an issued receipt (the table refuses updates and deletes). A version this desk has already
 * (pulled again, or its own coming back) is left as it is: a receipt once issued never changes.
 */
export function insertReceipt(db: Db, applicationId: string, r: ReceiptVersion): void {
  statement(
    db,
    `INSERT INTO application_receipts (application_id, number, version, issued_at, clerk_id, clerk_name, lines, correction, layout)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(
    applicationId,
    r.number,
    r.version,
    r.issuedAt,
    r.clerkId,
    r.clerkName,
    JSON.stringify(r.lines),
    r.correction === null ? null : JSON.stringify(r.correction),
    r.layout,
  );
}

/** application_items holds the case's current lines (every опис's newest version), derived from the receipts. */
export function refreshCurrentLines(db: Db, applicationId: string): void {
  statement(db, 'DELETE FROM application_items WHERE application_id = ?').run(applicationId);
  const insert = statement(
    db,
    'INSERT INTO application_items (application_id, position, name, original, sheets, returned) VALUES (?, ?, ?, ?, ?, ?)',
  );
  currentLines(readReceipts(db, applicationId)).forEach((line, i) =>
    insert.run(applicationId, i + 1, line.name, line.original ? 1 : 0, line.sheets, line.returned ? 1 : 0),
  );
}
