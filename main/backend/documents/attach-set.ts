/**
 * A line's page set attached to its case (docs/ARCHITECTURE.md §6.9): its assembled PDF becomes
 * a document of that receipt line, and the set is marked attached in the same transaction.
 */
import type { DocumentSource } from '../../../shared/documents';
import { latestVersions } from '../../../shared/domain/receipt';
import { AppError } from '../../../shared/errors';
import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { readReceipts } from '../receipts/receipt-versions';
import { assembleSet } from './assemble-set';
import { attachDocument } from './attach-document';
import { markAttached, pageRows, setRow } from './page-sets';

/** A document's kind is its line's name (the documents table keeps at most this much of it). */
const KIND_MAX = 100;

/** A Дія copy anywhere in the set makes the document one; else it came whence its first page did. */
function sourceOf(env: CommandEnv, setId: string): DocumentSource {
  const pages = pageRows(env.db, setId);
  if (pages.some((page) => page.source === 'diia')) return 'diia';
  return pages[0]!.source;
}

/**
 * Attaches an assembled set to a line of an application's опис; runs inside the caller's
 * transaction when there is one (registration), else as its own.
 */
export function attachAssembledSet(
  env: CommandEnv,
  setId: string,
  line: { applicationId: string; receipt: number; position: number },
): string {
  return runCommand(env.db, () => {
    const row = setRow(env.db, setId);
    if (row.assembled_sha256 === null || row.assembled_pages === null || row.assembled_bytes === null) {
      throw new AppError('CONFLICT', 'The set changed since it was assembled', [{ path: ['setId'], message: 'not_assembled' }]);
    }
    const receipt = latestVersions(readReceipts(env.db, line.applicationId)).find((r) => r.number === line.receipt);
    const name = receipt?.lines[line.position - 1]?.name;
    if (name === undefined) {
      throw new AppError('VALIDATION', `Опис №${line.receipt} has no line ${line.position}`, [
        { path: ['setId'], message: 'no such line' },
      ]);
    }
    const documentId = attachDocument(env, {
      applicationId: line.applicationId,
      kind: name.slice(0, KIND_MAX),
      pages: row.assembled_pages,
      blob: { sha256: row.assembled_sha256, size: row.assembled_bytes, mime: 'application/pdf' },
      line: { receipt: line.receipt, position: line.position },
      source: sourceOf(env, setId),
    });
    markAttached(env.db, setId, documentId, env.now().toISOString());
    return documentId;
  });
}

/** `documents.attach`: a `line` set assembled (when it is not) and attached to its line. Returns the application's id. */
export async function attachLineSet(env: CommandEnv, dataDir: string, setId: string): Promise<string> {
  const row = setRow(env.db, setId);
  if (row.owner_kind !== 'line') {
    throw new AppError('VALIDATION', 'Only a set of an issued receipt line is attached this way', [
      { path: ['setId'], message: 'not a line set' },
    ]);
  }
  await assembleSet(env, dataDir, setId);
  attachAssembledSet(env, setId, { applicationId: row.application_id!, receipt: row.receipt_number!, position: row.line_position! });
  return row.application_id!;
}
