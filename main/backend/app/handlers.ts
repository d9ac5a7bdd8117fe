import type { Handlers } from '../../../shared/contract';
import type { AuditChecker } from '../audit/audit-check';
import type { DeskConfig } from '../config/desk-config';
import type { Db } from '../db/open';
import { integrityOf } from '../db/full-check';
import { schemaVersion } from '../db/open';
import type { CallContext } from '../dispatch';
import { storageStatus } from '../storage/storage-status';

type AppHandlers = Pick<Handlers<CallContext>, 'app.info' | 'app.health' | 'storage.status' | 'storage.verifyAudit'>;

export interface AppDeps {
  db: Db;
  dataDir: string;
  dbFile: string;
  backupsDir: string;
  appVersion: string;
  desk: DeskConfig;
  startedAt: number;
  audit: AuditChecker;
}

export function appHandlers(deps: AppDeps): AppHandlers {
  return {
    'app.info': () => ({
      product: 'Vikno',
      version: deps.appVersion,
      schemaVersion: schemaVersion(deps.db),
      dataDir: deps.dataDir,
      center: deps.desk.center,
      timeZone: deps.desk.timeZone,
      desk: deps.desk.desk,
      configSource: deps.desk.source,
      names: deps.desk.names,
    }),
    'app.health': () => {
      let database: 'ok' | 'error' = 'ok';
      try {
        deps.db.prepare('SELECT 1').get();
      } catch {
        database = 'error';
      }
      return {
        status: database === 'ok' ? 'ok' : 'degraded',
        database,
        uptimeSeconds: (Date.now() - deps.startedAt) / 1000,
        integrity: integrityOf(deps.db),
      };
    },
    'storage.status': () => storageStatus(deps.db, deps.dbFile, deps.backupsDir, deps.audit.current()),
    'storage.verifyAudit': () => deps.audit.check(),
  };
}
