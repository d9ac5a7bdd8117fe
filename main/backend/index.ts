import { join, resolve } from 'node:path';
import { events, isMethodName, methods } from '../../shared/contract';
import type { BACKEND_EVENTS, EventPayload, MethodSpec } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { ServerFrame } from '../../shared/rpc';
import { createAuditChecker } from './audit/audit-check';
import { appHandlers } from './app/handlers';
import { applicantHandlers } from './applicants/handlers';
import { applicationHandlers } from './applications/handlers';
import { paymentHandlers } from './payments/handlers';
import { queueHandlers } from './queue/handlers';
import { reviewHandlers } from './review/handlers';
import { calendarHandlers } from './calendar/handlers';
import { catalogHandlers } from './catalog/handlers';
import { seedSampleCatalog } from './catalog/queries';
import { clerkHandlers } from './clerks/handlers';
import { authHandlers } from './auth/handlers';
import { createAuthService } from './auth/auth-service';
import { ensureLocalAdmin, localAdminRoles } from './auth/local-admin';
import { fillDeskFacts } from './applications/freeze-snapshot';
import { paperHandlers } from './papers/handlers';
import { registerHandlers } from './registers/handlers';
import { auditHandlers } from './audit/handlers';
import { intakeHandlers } from './intake/handlers';
import { deskBlobHttp } from './blobs/download-blob';
import { caseFileHandlers } from './documents/case-file-handlers';
import { startDocumentServices } from './documents/document-services';
import { documentHandlers } from './documents/handlers';
import type { DocumentDeps } from './documents/handlers';
import { receiptHandlers } from './receipts/handlers';
import { createReceiptRenderer } from './receipts/receipt-renderer';
import type { HandlerDeps } from './handler-deps';
import { syncHandlers } from './sync/handlers';
import { createSyncService } from './sync/sync-service';
import { backOfficeFetch } from './sync/back-office-fetch';
import { createQueueService } from './queue/queue-service';
import { loadDeskConfig } from './config/desk-config';
import { ownerOnlyFolder } from './config/owner-only';
import { openDeviceKey } from './sync/device-key-start';
import type { DeskConfig } from './config/desk-config';
import { createConnections } from './connections';
import type { BackendConnection } from './connections';
import { scheduleDailyBackups } from './db/backup';
import { createFullChecker, integrityOf } from './db/full-check';
import { openDatabase } from './db/open';
import { issuedNumbersOf } from './applications/registration-number';
import type { Db } from './db/open';
import { createDispatcher } from './dispatch';
import { machineConfigPath } from './config/machine-config-path';
import { diagnosticsHandlers } from './diagnostics/handlers';
import { createFileLogger } from './log/logger';
import type { Logger } from './log/logger';

export type { BackendConnection };

export interface BackendConfig {
  /** Everything the desk stores lives here; created on first start. */
  dataDir: string;
  /** The machine-wide config file; the platform's place (or VIKNO_MACHINE_CONFIG) unless a test names its own. */
  machineConfigFile?: string;
  appVersion: string;
  /** Defaults to JSON lines in `<dataDir>/logs/backend.<day>.<n>.log` (log/logger.ts); the desk config sets its level. */
  logger?: Logger;
  /** The HTTP client under the back-office fetch (sync/back-office-fetch.ts); tests put a fault-injecting one here. */
  fetch?: typeof fetch;
  /** The clock; tests set it. */
  now?: () => Date;
  /** The sync engine's random source (backoff jitter); a seeded one makes a test run replay. */
  random?: () => number;
  /**
   * The device key that seals the device token (config/device-key.ts): Electron's main process
   * hands it over from the OS keychain; without it the backend keeps `<dataDir>/device-key`.
   */
  deviceKey?: Buffer;
  /** The receipt fonts; defaults to `fonts/` beside the bundled backend (scripts/build.ts copies them there). */
  fontDir?: string;
  /**
   * The receipt worker's bundle (dist/main/receipt-worker.cjs, scripts/build.ts), which the bundled
   * hosts name; without it receipts are rendered on the backend's thread (the tests run the TypeScript source).
   */
  receiptWorker?: string;
}

/** Whether a call may have queued an outbox mutation (the contract marks such methods `writes`). */
function writes(method: string): boolean {
  return isMethodName(method) && (methods[method] as MethodSpec).writes === true;
}

export type BackendEventName = (typeof BACKEND_EVENTS)[number];

export interface Backend {
  connect(send: (frame: ServerFrame) => void): BackendConnection;
  emit<E extends BackendEventName>(name: E, payload: EventPayload<E>): void;
  /** Resolves once every call in flight has answered and the database is closed. */
  close(): Promise<void>;
}

/** The data folder, owner-only (config/owner-only.ts); true when an existing one had to be tightened. */
function ensureDataDir(dataDir: string): boolean {
  try {
    return ownerOnlyFolder(dataDir);
  } catch (error) {
    throw new AppError('STORAGE', `Cannot create the data folder ${dataDir}: ${(error as Error).message}`);
  }
}

/**
 * At start, not at the first registration, so a file kept aside or carried over is logged in the
 * desk's log. One that cannot be opened does not stop the desk: everything but registering works,
 * and each registration tries again and is refused with a STORAGE error until it opens.
 */
function openIssuedNumbersAtStart(db: Db, logger: Logger): void {
  try {
    issuedNumbersOf(db, (message, fields, level = 'warn') => logger.log(level, message, fields));
  } catch (error) {
    logger.log('error', 'The issued-numbers file cannot be opened: registrations are refused until it can', {
      error: (error as Error).message,
    });
  }
}

/**
 * The transport-agnostic backend (docs/ARCHITECTURE.md §2.1): opens the data folder and database, and
 * answers contract calls from any number of connections. Throws AppError (STORAGE) or
 * ConfigError when it cannot start; the host shows that message.
 */
export function createBackend(config: BackendConfig): Backend {
  const dataDir = resolve(config.dataDir);
  const tightened = ensureDataDir(dataDir);
  const logger = config.logger ?? createFileLogger(dataDir);
  if (tightened) logger.log('warn', 'The data folder was open to other users of this machine: made it owner-only (0700)', { dataDir });
  const dbFile = join(dataDir, 'vikno.db');
  const backupsDir = join(dataDir, 'backups');
  let desk: DeskConfig;
  let db: Db;
  let backOffice: typeof fetch;
  try {
    desk = loadDeskConfig(dataDir, config.machineConfigFile ?? machineConfigPath());
    logger.setLevel(desk.logLevel);
    // Every request to the back office, with the center's CA when configured: an unusable CA file stops the start here.
    backOffice = backOfficeFetch({
      dataDir,
      caFile: desk.backOfficeCaFile,
      appVersion: config.appVersion,
      ...(config.fetch ? { base: config.fetch } : {}),
    });
    db = openDatabase(dbFile, { backupsDir });
  } catch (error) {
    logger.log('error', 'Backend cannot start', { error: (error as Error).message });
    void logger.close();
    throw error;
  }
  try {
    openDeviceKey({ db, dataDir, backupsDir, logger, ...(config.deviceKey ? { given: config.deviceKey } : {}) });
    openIssuedNumbersAtStart(db, logger);
  } catch (error) {
    db.close();
    logger.log('error', 'Backend cannot start', { error: (error as Error).message });
    void logger.close();
    throw error;
  }
  const now = config.now ?? (() => new Date());
  const localAdminId = ensureLocalAdmin(db, desk, now().toISOString());
  if (seedSampleCatalog(db, now().toISOString())) logger.log('info', 'Seeded the sample service catalog');
  const frozen = fillDeskFacts(db, desk);
  if (frozen > 0) logger.log('info', 'Froze the center name and time zone into the receipts of earlier cases', { applications: frozen });
  const deps: HandlerDeps = { db, desk, now };
  const audit = createAuditChecker({ db, logger, now });
  let connections: ReturnType<typeof createConnections> | null = null;
  const auth = createAuthService({
    db,
    desk,
    now,
    onChange: (state) => connections?.broadcast({ kind: 'event', name: 'auth.changed', payload: state }),
    backOfficePassword: (request) => sync.changeClerkPassword(request),
  });
  // The clerk a back-office request names: the one signed in, else (background sync while signed
  // out) the desk's own admin. It identifies no change: each mutation carries its own clerk and session.
  const actor = () => auth.clerkId() ?? localAdminId;
  const sync = createSyncService({
    db,
    dataDir,
    desk,
    logger,
    now,
    actor,
    onStatus: (status) => {
      connections?.broadcast({ kind: 'event', name: 'sync.status', payload: status });
      // Sync may have delivered queued walk-ins or brought back refusals: the panel counts both.
      queue.localChanged();
    },
    fetch: backOffice,
    ...(config.random ? { random: config.random } : {}),
  });
  const queue = createQueueService({
    db,
    desk,
    now,
    logger,
    actor,
    onPanel: (panel) => connections?.broadcast({ kind: 'event', name: 'queue.changed', payload: panel }),
    fetch: backOffice,
  });
  const documentDeps: DocumentDeps = {
    ...deps,
    dataDir,
    logger,
    emit: (name, payload) => connections?.broadcast({ kind: 'event', name, payload }),
    blobHttp: () => deskBlobHttp(db, desk.backOfficeUrl, actor, backOffice),
  };
  const documents = startDocumentServices(documentDeps, { ...deps, clerkId: localAdminId, roles: localAdminRoles(desk) });
  // Receipts are CPU-bound PDFs: on their own thread, so the clerk's next search does not wait behind them.
  const receipts = createReceiptRenderer(config.receiptWorker);
  const fontDir = config.fontDir ?? join(__dirname, 'fonts');
  const dispatch = createDispatcher(
    methods,
    {
      ...appHandlers({ db, dataDir, dbFile, backupsDir, appVersion: config.appVersion, desk, startedAt: Date.now(), audit }),
      ...applicantHandlers(deps),
      ...applicationHandlers(deps),
      ...paymentHandlers(deps),
      ...catalogHandlers(deps),
      ...intakeHandlers({ ...deps, dataDir }),
      ...clerkHandlers(deps),
      ...authHandlers({ ...deps, auth }),
      ...queueHandlers({ ...deps, queue }),
      ...reviewHandlers({ ...deps, queue }),
      ...calendarHandlers(deps),
      ...syncHandlers({ ...deps, sync }),
      ...receiptHandlers({ ...deps, logger, fontDir, renderer: receipts }),
      ...paperHandlers({ ...deps, fontDir }),
      ...registerHandlers({ ...deps, fontDir }),
      ...auditHandlers({ ...deps, audit }),
      ...documentHandlers(documentDeps, documents),
      ...caseFileHandlers(documentDeps),
      ...diagnosticsHandlers({
        ...deps,
        dataDir,
        machineConfigFile: config.machineConfigFile ?? machineConfigPath(),
        backupsDir,
        appVersion: config.appVersion,
        syncStatus: () => sync.status(),
      }),
    },
    logger,
  );
  connections = createConnections(
    dispatch,
    () => auth.session(),
    (method) => {
      // A call that may have queued a mutation: tell the engine (or the status bar) at once.
      if (writes(method)) sync.changed();
    },
  );
  const open = connections;
  sync.start();
  queue.start();
  // In the background: the first step runs after start-up, and calls are served between steps.
  void audit.check();
  // The whole file is checked in the background (start only checked the tables every start needs), then after each daily backup.
  const fullCheck = createFullChecker(db, dbFile, {
    backupsDir,
    now,
    onResult: (check) => {
      if (check.state === 'damaged') logger.log('error', 'The database is damaged: writes are refused', { ...check });
      else if (check.state === 'failed') logger.log('warn', 'The integrity check could not run', { error: check.error });
      else logger.log('info', 'Integrity check', { ...check });
      connections?.broadcast({ kind: 'event', name: 'storage.integrity', payload: check });
    },
  });
  let closed = false;
  let stopBackups: () => Promise<void> = () => Promise.resolve();
  // Backups start after the first whole-file check: one due at start must not copy a damaged file over a good backup.
  const backupsStarted = fullCheck.run().then(() => {
    if (closed) return;
    stopBackups = scheduleDailyBackups(db, {
      backupsDir,
      keep: desk.backupsToKeep,
      skip: () => (integrityOf(db).state === 'damaged' ? 'the database is damaged' : null),
      onBackup: (backup) => {
        logger.log('info', 'Backup taken', { file: backup.file });
        void fullCheck.run();
      },
      onError: (error) => logger.log('error', 'Backup failed', { error: error instanceof Error ? error.message : String(error) }),
    });
  });
  logger.log('info', 'Backend started', { dataDir, version: config.appVersion });

  return {
    connect(send) {
      return open.connect(send, (opened) => opened({ kind: 'event', name: 'sync.status', payload: sync.status() }));
    },
    emit(name, payload) {
      open.broadcast({ kind: 'event', name, payload: events[name].parse(payload) });
    },
    async close() {
      if (closed) return;
      closed = true;
      await open.drain();
      await receipts.close();
      await documents.close();
      await queue.stop();
      await sync.stop();
      fullCheck.stop();
      await backupsStarted;
      await stopBackups();
      await audit.stop();
      db.close();
      logger.log('info', 'Backend stopped');
      await logger.close();
    },
  };
}
