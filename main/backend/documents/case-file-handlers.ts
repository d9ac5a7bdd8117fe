import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { CallContext } from '../dispatch';
import type { DocumentDeps } from './handlers';

const notBuilt = (): never => {
  throw new AppError('UNAVAILABLE', 'Case files are being built (issue 12)');
};

/** A case's documents: the list, a document's PDF (fetched back when purged), retention (docs/ARCHITECTURE.md §6.9). */
export function caseFileHandlers(deps: DocumentDeps): Pick<Handlers<CallContext>, 'documents.list' | 'documents.file' | 'documents.purge'> {
  void deps;
  return { 'documents.list': notBuilt, 'documents.file': notBuilt, 'documents.purge': notBuilt };
}
