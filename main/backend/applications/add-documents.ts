import type { StoredApplication } from '../../../shared/domain/application';
import { isFinal } from '../../../shared/domain/application-status';
import type { AddDocumentsInput, ReceiptVersion } from '../../../shared/domain/receipt';
import { AddDocuments } from '../../../shared/domain/receipt';
import { AppError } from '../../../shared/errors';
import { clerkName } from '../clerks/clerk-name';
import { recordChange, runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { statement } from '../db/statements';
import { insertReceipt, refreshCurrentLines } from '../receipts/receipt-versions';
import { getApplicationById } from './queries';

/** The application a receipt command works on, refused when there is none. */
export function applicationToAmend(env: CommandEnv, id: string): StoredApplication {
  const current = getApplicationById(env.db, id);
  if (!current) throw new AppError('NOT_FOUND', `No application ${id}`, [{ path: ['id'], message: 'no such application' }]);
  return current;
}

/** Writes an issued receipt, the case's current lines and the outbox mutation carrying it: one transaction with the caller's checks. */
export function issueReceipt(
  env: CommandEnv,
  current: StoredApplication,
  receipt: ReceiptVersion,
  kind: 'application.addDocuments' | 'application.correctLine',
): void {
  insertReceipt(env.db, current.id, receipt);
  refreshCurrentLines(env.db, current.id);
  statement(env.db, 'UPDATE applications SET updated_at = ? WHERE id = ?').run(receipt.issuedAt, current.id);
  recordChange(
    env,
    receipt.issuedAt,
    { kind, payload: { id: current.id, receipt }, baseVersion: current.serverVersion },
    {
      action: kind,
      entity: 'application',
      entityId: current.id,
      details: { receipt: receipt.number, version: receipt.version, ...(receipt.correction ? { correction: receipt.correction } : {}) },
    },
  );
}

/**
 * Documents handed in after registration: a new опис (№2, №3 …) with its own date, clerk and
 * lines. Earlier описи are never touched (docs/ARCHITECTURE.md §6.6). A closed case takes none.
 */
export function addDocuments(env: CommandEnv, input: AddDocumentsInput): StoredApplication {
  const { id, items } = AddDocuments.parse(input);
  const at = env.now().toISOString();
  runCommand(env.db, () => {
    const current = applicationToAmend(env, id);
    if (isFinal(current.status)) {
      throw new AppError('VALIDATION', `Application ${current.regNumber} is closed; it takes no more documents`, [
        { path: ['id'], message: 'receipt.case_closed' },
      ]);
    }
    const number = Math.max(0, ...current.receipts.map((r) => r.number)) + 1;
    const receipt: ReceiptVersion = {
      number,
      version: 1,
      issuedAt: at,
      clerkId: env.clerkId,
      clerkName: clerkName(env.db, env.clerkId),
      lines: items,
      correction: null,
      layout: 2,
    };
    issueReceipt(env, current, receipt, 'application.addDocuments');
  });
  return applicationToAmend(env, id);
}
