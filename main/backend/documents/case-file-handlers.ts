import type { Handlers } from '../../../shared/contract';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import { listCaseDocuments, readDocumentFile } from './case-files';
import type { DocumentDeps } from './handlers';
import { purgeExpiredFiles } from './retention';

/** A case's documents: the list, a document's PDF (fetched back when purged), retention (docs/ARCHITECTURE.md §6.9). */
export function caseFileHandlers(deps: DocumentDeps): Pick<Handlers<CallContext>, 'documents.list' | 'documents.file' | 'documents.purge'> {
  return {
    'documents.list': ({ applicationId }) => listCaseDocuments(deps.db, applicationId),
    'documents.file': ({ documentId }, ctx) => readDocumentFile(deps, envFor(deps, ctx), documentId),
    'documents.purge': (_input, ctx) => purgeExpiredFiles(envFor(deps, ctx), deps.dataDir, deps.logger),
  };
}
