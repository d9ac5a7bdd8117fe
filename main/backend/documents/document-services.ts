/**
 * What the documents handlers keep running beside the backend: the scanner, the hot folder and
 * the imports in progress. Started with the backend, closed with it.
 */
import type { CommandEnv } from '../commands/unit-of-work';
import type { EventPayload } from '../../../shared/contract';
import type { HandlerDeps } from '../handler-deps';
import type { Logger } from '../log/logger';
import { createHotFolderService } from './hot-folder-service';
import type { HotFolderService } from './hot-folder-service';
import { createImportSessions } from './import-session';
import type { ImportSessions } from './import-session';
import { createScanService } from './scan-service';
import type { ScanService } from './scan-service';

/** What the services need of the backend (the handlers' DocumentDeps has it). */
export interface ServiceDeps extends HandlerDeps {
  dataDir: string;
  logger: Logger;
  emit<E extends 'scan.progress' | 'documents.inbox'>(name: E, payload: EventPayload<E>): void;
}

export interface DocumentServices {
  scans: ScanService;
  imports: ImportSessions;
  hotFolder: HotFolderService;
  close(): Promise<void>;
}

/** `deskEnv` is whom hot-folder files are written as: nobody calls for them, they arrive. */
export function startDocumentServices(deps: ServiceDeps, deskEnv: CommandEnv): DocumentServices {
  const hotFolder = createHotFolderService({
    folder: deps.desk.documents.hotFolder,
    dataDir: deps.dataDir,
    env: deskEnv,
    logger: deps.logger,
    onInbox: (count) => deps.emit('documents.inbox', { count }),
  });
  const scans = createScanService({
    dataDir: deps.dataDir,
    config: deps.desk.documents,
    logger: deps.logger,
    emit: (progress) => deps.emit('scan.progress', progress),
    hotFolder: () => hotFolder.state(),
  });
  return {
    scans,
    imports: createImportSessions(deps.dataDir),
    hotFolder,
    async close() {
      await scans.close();
      await hotFolder.close();
    },
  };
}
