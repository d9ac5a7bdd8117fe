/**
 * What went wrong with a scan, an import or a file, as data the panel words in the clerk's
 * language. The backend's conventions: a scan that cannot start is UNAVAILABLE with issue
 * `['scanner']` naming a ScanProblemKind; an import or assembly refused is VALIDATION with issue
 * `['file']` naming an ImportRefusal; a purged file asked for while offline is UNAVAILABLE with
 * `['file']` 'offline'.
 */
import { ImportRefusal, ScanProblemKind } from '../../../../shared/documents';
import type { ErrorBody } from '../../../../shared/errors';
import type { Translate } from '../../i18n/dictionary';
import { errorMessageKey } from '../../i18n/error-message';

export type DocumentProblem =
  | { kind: 'scan'; problem: ScanProblemKind }
  | { kind: 'refusal'; refusal: ImportRefusal }
  | { kind: 'offline' }
  | { kind: 'error'; error: ErrorBody };

function issueAt(error: ErrorBody, field: string): string | undefined {
  return error.details?.issues?.find((issue) => issue.path.length === 1 && issue.path[0] === field)?.message;
}

export function problemOf(error: ErrorBody): DocumentProblem {
  const scanner = ScanProblemKind.safeParse(issueAt(error, 'scanner'));
  if (error.code === 'UNAVAILABLE' && scanner.success) return { kind: 'scan', problem: scanner.data };
  const file = issueAt(error, 'file');
  if (error.code === 'UNAVAILABLE' && file === 'offline') return { kind: 'offline' };
  const refusal = ImportRefusal.safeParse(file);
  if (error.code === 'VALIDATION' && refusal.success) return { kind: 'refusal', refusal: refusal.data };
  return { kind: 'error', error };
}

/** One sentence that says what happened and what to do. */
export function problemText(t: Translate, problem: DocumentProblem): string {
  switch (problem.kind) {
    case 'scan':
      return t(`documents.problem.${problem.problem}`);
    case 'refusal':
      return t(`documents.refusal.${problem.refusal}`);
    case 'offline':
      return t('documents.offline');
    case 'error':
      return t(errorMessageKey(problem.error.code));
  }
}
