/**
 * A registration whose receipt lines were given scanned or imported pages (docs/ARCHITECTURE.md
 * §6.9). Each set is assembled first (slow, outside the transaction); its page count becomes its
 * line's sheets, so опис №1 prints the sheets of the document attached; then the application and
 * every attach are one transaction. Any refusal registers nothing.
 */
import type { StoredApplication } from '../../../shared/domain/application';
import type { RegisterIntakeData } from '../../../shared/domain/registration';
import { AppError } from '../../../shared/errors';
import { getApplicationById } from '../applications/queries';
import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { assembleSet } from '../documents/assemble-set';
import { attachAssembledSet } from '../documents/attach-set';
import { findSet } from '../documents/page-sets';
import { registerIntake } from './register-intake';

/** An error of the `n`th document's work, its issues moved under `['documents', n]` (one without issues as it is). */
function underDocument(n: number, error: unknown): unknown {
  if (!(error instanceof AppError) || error.issues === undefined) return error;
  return new AppError(
    error.code,
    error.message,
    error.issues.map((issue) => ({ ...issue, path: ['documents', n, ...issue.path] })),
  );
}

function refuse(n: number, field: 'item' | 'setId', message: string, text: string): never {
  throw new AppError('VALIDATION', text, [{ path: ['documents', n, field], message }]);
}

/** Each set is this clerk's open intake set, each line named once and within the form. */
function checkDocuments(env: CommandEnv, input: RegisterIntakeData): void {
  const documents = input.documents ?? [];
  documents.forEach((doc, n) => {
    if (doc.item >= input.items.length) refuse(n, 'item', 'no such line', `The form has no line ${doc.item + 1}`);
    if (documents.findIndex((other) => other.item === doc.item) !== n) refuse(n, 'item', 'line given twice', 'Two page sets for one line');
    if (documents.findIndex((other) => other.setId === doc.setId) !== n)
      refuse(n, 'setId', 'set given twice', 'One page set for two lines');
    const row = findSet(env.db, doc.setId);
    if (row === undefined || row.owner_kind !== 'intake' || row.clerk_id !== env.clerkId || row.document_id !== null) {
      refuse(n, 'setId', 'not an open intake set of this clerk', `Page set ${doc.setId} is not one of this form's`);
    }
  });
}

export async function registerWithDocuments(env: CommandEnv, dataDir: string, input: RegisterIntakeData): Promise<StoredApplication> {
  const { documents = [], ...intake } = input;
  checkDocuments(env, input);
  const sheets = new Map<number, number>();
  for (const [n, doc] of documents.entries()) {
    const set = await assembleSet(env, dataDir, doc.setId).catch((error: unknown) => {
      throw underDocument(n, error);
    });
    sheets.set(doc.item, set.assembled!.pages);
  }
  const items = intake.items.map((item, index) => {
    const pages = sheets.get(index);
    return pages === undefined ? item : { ...item, sheets: pages };
  });
  const id = runCommand(env.db, () => {
    const application = registerIntake(env, { ...intake, items });
    documents.forEach((doc, n) => {
      // Inside the transaction: a set edited since it was assembled is refused here (CONFLICT), and nothing is registered.
      try {
        attachAssembledSet(env, doc.setId, { applicationId: application.id, receipt: 1, position: doc.item + 1 });
      } catch (error) {
        throw underDocument(n, error);
      }
    });
    return application.id;
  });
  return getApplicationById(env.db, id)!;
}
