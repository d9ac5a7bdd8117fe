import { readFile } from 'node:fs/promises';
import type { EventPayload, Handlers, MethodName } from '../../../shared/contract';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import type { BlobHttpOptions } from '../blobs/upload-blob';
import type { Logger } from '../log/logger';
import { blobPath } from '../blobs/blob-store';
import { flagger } from '../applications/with-flags';
import { getApplicationById } from '../applications/queries';
import { assembleSet } from './assemble-set';
import { attachLineSet } from './attach-set';
import type { DocumentServices } from './document-services';
import { deletePage, inboxCount, listInbox, movePage, openSet, pageRow, readSet, rotatePage, takeInbox } from './page-sets';
import { imageThumbnail, pdfPageThumbnail } from './page-image';

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

/** Page sets, scanning, import and attaching (docs/ARCHITECTURE.md §6.9). */
export function documentHandlers(deps: DocumentDeps, services: DocumentServices): Pick<Handlers<CallContext>, PageMethods> {
  const budget = () => deps.desk.documents.maxDocumentBytes;
  const setView = (setId: string) => readSet(deps.db, setId, budget());
  return {
    'documents.scanners': ({ refresh }) => services.scans.info(refresh),
    'documents.openSet': ({ owner, label }, ctx) => {
      const setId = openSet(envFor(deps, ctx), owner, label);
      // An import dropped on the inbox starts a new inbox set: every window's count moves.
      if (owner.kind === 'inbox') deps.emit('documents.inbox', { count: inboxCount(deps.db) });
      return setView(setId);
    },
    'documents.getSet': ({ setId }) => setView(setId),
    'documents.inbox': () => listInbox(deps.db, budget()),
    'documents.scan': async (input, ctx) => ({ scanId: await services.scans.scan(envFor(deps, ctx), input) }),
    'documents.cancelScan': ({ scanId }) => {
      services.scans.cancel(scanId);
      return null;
    },
    'documents.movePage': ({ pageId, position }, ctx) => setView(movePage(envFor(deps, ctx), pageId, position)),
    'documents.rotatePage': ({ pageId, rotation }, ctx) => setView(rotatePage(envFor(deps, ctx), pageId, rotation)),
    'documents.deletePage': ({ pageId }, ctx) => setView(deletePage(envFor(deps, ctx), pageId)),
    'documents.takeInbox': ({ fromSetId, toSetId }, ctx) => {
      takeInbox(envFor(deps, ctx), fromSetId, toSetId);
      deps.emit('documents.inbox', { count: inboxCount(deps.db) });
      return setView(toSetId);
    },
    'documents.importBegin': async (input, ctx) => ({ importId: await services.imports.begin(envFor(deps, ctx), input) }),
    'documents.importChunk': async (input) => ({ received: await services.imports.chunk(input) }),
    'documents.importEnd': ({ importId }, ctx) => services.imports.end(envFor(deps, ctx), importId),
    'documents.thumbnail': async ({ pageId }) => {
      const page = pageRow(deps.db, pageId);
      const jpeg =
        page.kind === 'pdf_page'
          ? await pdfPageThumbnail(page.pdf_page! + 1, page.rotation)
          : await imageThumbnail(await readFile(blobPath(deps.dataDir, page.blob_sha256)), page.rotation);
      return { mime: 'image/jpeg' as const, base64: jpeg.toString('base64') };
    },
    'documents.assemble': ({ setId }, ctx) => assembleSet(envFor(deps, ctx), deps.dataDir, setId),
    'documents.attach': async ({ setId }, ctx) => {
      const applicationId = await attachLineSet(envFor(deps, ctx), deps.dataDir, setId);
      return flagger(deps).application(getApplicationById(deps.db, applicationId)!);
    },
  };
}
