import type { EventPayload, Handlers, MethodName } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { CallContext } from '../dispatch';
import type { HandlerDeps } from '../handler-deps';
import type { BlobHttpOptions } from '../blobs/upload-blob';
import type { Logger } from '../log/logger';

/** The documents' events the backend sends to every window. */
export type DocumentEvents = 'scan.progress' | 'documents.inbox';

export interface DocumentDeps extends HandlerDeps {
  dataDir: string;
  logger: Logger;
  emit<E extends DocumentEvents>(name: E, payload: EventPayload<E>): void;
  /** How to reach the back office's files; null on a standalone or not yet enrolled desk. */
  blobHttp(): BlobHttpOptions | null;
}

type PageMethods = Exclude<Extract<MethodName, `documents.${string}`>, 'documents.list' | 'documents.file' | 'documents.purge'>;

const notBuilt = (): never => {
  throw new AppError('UNAVAILABLE', 'Scanning and import are being built (issue 12)');
};

/** Page sets, scanning, import and attaching (docs/ARCHITECTURE.md §6.9). */
export function documentHandlers(deps: DocumentDeps): Pick<Handlers<CallContext>, PageMethods> {
  void deps;
  return {
    'documents.scanners': notBuilt,
    'documents.openSet': notBuilt,
    'documents.getSet': notBuilt,
    'documents.inbox': notBuilt,
    'documents.scan': notBuilt,
    'documents.cancelScan': notBuilt,
    'documents.movePage': notBuilt,
    'documents.rotatePage': notBuilt,
    'documents.deletePage': notBuilt,
    'documents.takeInbox': notBuilt,
    'documents.importBegin': notBuilt,
    'documents.importChunk': notBuilt,
    'documents.importEnd': notBuilt,
    'documents.thumbnail': notBuilt,
    'documents.assemble': notBuilt,
    'documents.attach': notBuilt,
  };
}
