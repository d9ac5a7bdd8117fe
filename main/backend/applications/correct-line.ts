import type { StoredApplication } from '../../../shared/domain/application';
import { CorrectReceiptLine, latestVersions } from '../../../shared/domain/receipt';
import type { CorrectReceiptLineInput, ReceiptVersion } from '../../../shared/domain/receipt';
import { AppError } from '../../../shared/errors';
import { clerkName } from '../clerks/clerk-name';
import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { applicationToAmend, issueReceipt } from './add-documents';

/**
 * A line of an опис corrected: a new version of that опис (№1 v2) with the line replaced and the
 * reason, which is required; the earlier version stays readable and printable as it was issued.
 */
export function correctLine(env: CommandEnv, input: CorrectReceiptLineInput): StoredApplication {
  const parsed = CorrectReceiptLine.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      'A correction needs the receipt, the line, the corrected line and a reason',
      parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    );
  }
  const { id, receipt: number, position, item, reason } = parsed.data;
  const at = env.now().toISOString();
  runCommand(env.db, () => {
    const current = applicationToAmend(env, id);
    const latest = latestVersions(current.receipts).find((r) => r.number === number);
    if (!latest) throw new AppError('NOT_FOUND', `No опис №${number}`, [{ path: ['receipt'], message: 'receipt.no_such_receipt' }]);
    const old = latest.lines[position - 1];
    if (!old)
      throw new AppError('VALIDATION', `опис №${number} has no line ${position}`, [
        { path: ['position'], message: 'receipt.no_such_line' },
      ]);
    if (JSON.stringify(old) === JSON.stringify(item)) {
      throw new AppError('VALIDATION', 'The corrected line is the same as the line', [
        { path: ['item'], message: 'receipt.line_unchanged' },
      ]);
    }
    const receipt: ReceiptVersion = {
      number,
      version: latest.version + 1,
      issuedAt: at,
      clerkId: env.clerkId,
      clerkName: clerkName(env.db, env.clerkId),
      lines: latest.lines.map((line, i) => (i === position - 1 ? item : line)),
      correction: { position, reason },
      layout: 2,
    };
    issueReceipt(env, current, receipt, 'application.correctLine');
  });
  return applicationToAmend(env, id);
}
