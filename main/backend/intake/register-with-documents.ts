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

/** An error from the `n`th document's work, its issues moved under `['documents', n]`. */
async function underDocument<T>(n: number, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const issues = error.issues ?? [{ path: [], message: error.message }];
    throw new AppError(
      error.code,
      error.message,
      issues.map((issue) => ({ ...issue, path: ['documents', n, ...issue.path] })),
    );
  }
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
    const set = await underDocument(n, () => assembleSet(env, dataDir, doc.setId));
    sheets.set(doc.item, set.assembled!.pages);
  }
  const items = intake.items.map((item, index) => {
    const pages = sheets.get(index);
    return pages === undefined ? item : { ...item, sheets: pages };
  });
  const id = runCommand(env.db, () => {
    const application = registerIntake(env, { ...intake, items });
    documents.forEach((doc, n) => {
      // Synchronous inside the transaction: a set edited since it was assembled is refused here.
      try {
        attachAssembledSet(env, doc.setId, { applicationId: application.id, receipt: 1, position: doc.item + 1 });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        throw new AppError('VALIDATION', error.message, [
          { path: ['documents', n, 'setId'], message: error.issues?.[0]?.message ?? error.message },
        ]);
      }
    });
    return application.id;
  });
  return getApplicationById(env.db, id)!;
}
