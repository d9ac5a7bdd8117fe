import type { EventPayload } from '../../../shared/contract';
import type { Change } from '../../../shared/sync-protocol';
import { AppError } from '../../../shared/errors';
import type { DeskConfig } from '../config/desk-config';
import type { Db } from '../db/open';
import type { Logger } from '../log/logger';
import { withAuditUpload } from '../audit/audit-upload';
import { createSyncEngine } from './engine';
import { createFileUploader } from './file-upload';
import type { SyncEngine } from './engine';
import { createSyncHttp } from './http-client';
import type { ClerkPasswordReply } from './http-client';
import type { ClerkPasswordRequest } from '../../../shared/clerk-account';
import { queueCounts } from './outbox-queue';
import { createChangeApplier } from './pull-apply';
import { readSyncState, writeSyncState } from './sync-state';
import { deskPublicKey } from '../auth/desk-key';

export type SyncStatus = EventPayload<'sync.status'>;

export interface SyncServiceOptions {
  db: Db;
  /** The desk's data folder: scans are in its blobs/. */
  dataDir: string;
  desk: DeskConfig;
  logger: Logger;
  now: () => Date;
  /** The clerk a request to the back office names (the one signed in, else the desk's own admin). */
  actor: () => string;
  onStatus: (status: SyncStatus) => void;
  fetch?: typeof fetch;
  /** The engine's random source (backoff jitter); Math.random unless a test seeds it. */
  random?: () => number;
}

/**
 * Sync as the rest of the backend sees it: with no back office configured the desk runs
 * standalone and says so (no error spam); otherwise the engine runs in the background.
 */
export function createSyncService(options: SyncServiceOptions) {
  const { db, desk } = options;
  const url = desk.backOfficeUrl;
  const http = url
    ? withAuditUpload(
        createSyncHttp({
          baseUrl: url,
          token: () => readSyncState(db, 'device_token'),
          actor: options.actor,
          fetch: options.fetch ?? fetch,
          now: options.now,
        }),
        { ...options, baseUrl: url },
      )
    : null;
  const uploader = url
    ? createFileUploader({
        db,
        dataDir: options.dataDir,
        baseUrl: url,
        token: () => readSyncState(db, 'device_token'),
        actor: options.actor,
        fetch: options.fetch ?? fetch,
      })
    : null;
  const applyChanges = createChangeApplier(options.logger);
  const engine: SyncEngine | null = http
    ? createSyncEngine({
        db,
        http,
        now: options.now,
        logger: options.logger,
        applyChanges,
        onStatus: options.onStatus,
        ...(uploader ? { uploader } : {}),
        ...(options.random ? { random: options.random } : {}),
      })
    : null;

  function standalone(): SyncStatus {
    const counts = queueCounts(db);
    return {
      state: 'standalone',
      pending: counts.pending,
      oldestPendingAt: counts.oldestPendingAt,
      filesLeft: counts.blockedOnFiles,
      bytesLeft: 0,
      deadLetters: counts.dead,
      conflicts: counts.conflicts,
      lastSuccessAt: null,
      clockOffsetMs: null,
    };
  }

  return {
    start(): void {
      engine?.start();
    },
    status(): SyncStatus {
      return engine ? engine.status() : standalone();
    },
    /** A change was just saved: deliver it now rather than at the next poll. */
    changed(): void {
      if (engine) void engine.syncNow();
      else options.onStatus(standalone());
    },
    async syncNow(): Promise<SyncStatus> {
      if (!engine) return standalone();
      await engine.syncNow();
      return engine.status();
    },
    /** A back-office account's own password, changed at the back office (it owns the account); null for a standalone desk. */
    changeClerkPassword(request: ClerkPasswordRequest): Promise<ClerkPasswordReply> | null {
      return http ? http.changeClerkPassword(request) : null;
    },
    async enroll(code: string, deviceName: string): Promise<SyncStatus> {
      if (!http || !engine)
        throw new AppError('VALIDATION', 'No back office is configured for this desk (backOffice.url in config.json)', [
          { path: ['code'], message: 'no back office configured' },
        ]);
      const reply = await http.enroll(code, deviceName, deskPublicKey(db));
      if (reply.kind === 'auth')
        throw new AppError('VALIDATION', 'The back office did not accept this enrollment code', [
          { path: ['code'], message: 'code not accepted' },
        ]);
      if (reply.kind === 'bad_request')
        throw new AppError('VALIDATION', `The back office refused the enrollment: ${reply.message}`, [
          { path: ['code'], message: 'not accepted' },
        ]);
      // The reason goes with it: an untrusted certificate (back-office-fetch.ts) is IT's to fix, not a retry.
      if (reply.kind === 'retry') throw new AppError('UNAVAILABLE', `The back office could not be reached (${reply.reason}); try again`);
      if (reply.kind !== 'ok') throw new AppError('UNAVAILABLE', 'The back office could not be reached; try again');
      if (reply.value.centerCode !== desk.center.code || reply.value.deskCode !== desk.desk.code) {
        throw new AppError(
          'VALIDATION',
          `The code is for center ${reply.value.centerCode}, desk ${reply.value.deskCode}; this desk is ${desk.center.code}/${desk.desk.code}`,
          [{ path: ['code'], message: 'code for another desk' }],
        );
      }
      db.transaction(() => {
        writeSyncState(db, 'device_token', reply.value.deviceToken);
        writeSyncState(db, 'device_id', reply.value.deviceId);
        // The key went with the enrollment: no separate registration before the first push.
        writeSyncState(db, 'desk_key_registered', options.now().toISOString());
      })();
      await engine.syncNow();
      return engine.status();
    },
    /** The back office's record as a pull would bring it: a supervisor took its version of a conflict (dead-letters.ts). */
    takeServerRecord(change: Change): void {
      applyChanges(db, [change]);
    },
    waitForIdle(): Promise<void> {
      return engine ? engine.waitForIdle() : Promise.resolve();
    },
    async stop(): Promise<void> {
      await engine?.stop();
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
