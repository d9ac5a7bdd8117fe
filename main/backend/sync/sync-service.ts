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
import { readDeviceToken } from './sealed-state';
import { deskPublicKey } from '../auth/desk-key';
import { createAutoEnroller } from './auto-enroll';
import type { ExchangeOutcome } from './auto-enroll';
import { enrollmentStatus, isEnrolled, recordEnrollment, recordRefusal, wasRefused } from './enrollment-state';
import type { EnrollReply } from './http-client';

export type SyncStatus = EventPayload<'sync.status'>;
type EngineStatus = ReturnType<SyncEngine['status']>;

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
          token: () => readDeviceToken(db),
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
        token: () => readDeviceToken(db),
        actor: options.actor,
        fetch: options.fetch ?? fetch,
      })
    : null;
  const applyChanges = createChangeApplier(options.logger);
  const withEnrollment = (delivery: EngineStatus): SyncStatus => ({ ...delivery, ...enrollmentStatus(db, desk) });
  const engine: SyncEngine | null = http
    ? createSyncEngine({
        db,
        http,
        now: options.now,
        logger: options.logger,
        applyChanges,
        onStatus: (delivery) => options.onStatus(withEnrollment(delivery)),
        ...(uploader ? { uploader } : {}),
        ...(options.random ? { random: options.random } : {}),
      })
    : null;

  function standalone(): SyncStatus {
    const counts = queueCounts(db);
    return withEnrollment({
      state: 'standalone',
      pending: counts.pending,
      oldestPendingAt: counts.oldestPendingAt,
      filesLeft: counts.blockedOnFiles,
      bytesLeft: 0,
      deadLetters: counts.dead,
      conflicts: counts.conflicts,
      lastSuccessAt: null,
      clockOffsetMs: null,
    });
  }

  const place = { centerCode: desk.center.code, deskCode: desk.desk.code };

  /**
   * One exchange of a code for a device token, the same whether the code came from the config or
   * from Settings: an enrollment or a refusal is stored (and shown), then the reply goes back.
   */
  async function exchange(code: string, deviceName: string): Promise<EnrollReply> {
    if (!http || !engine) throw new Error('exchange without a back office');
    const reply = await http.enroll(code, deviceName, deskPublicKey(db), place);
    if (reply.kind === 'ok' && (reply.value.centerCode !== place.centerCode || reply.value.deskCode !== place.deskCode)) {
      // Only a back office that ignores the place it was sent answers so; the code is used up there.
      const message = `The code is for center ${reply.value.centerCode}, desk ${reply.value.deskCode}; this desk is ${place.centerCode}/${place.deskCode}`;
      recordRefusal(db, code, 'other_desk', message, options.now());
      return { kind: 'refused', reason: 'other_desk', message };
    }
    if (reply.kind === 'ok') {
      recordEnrollment(db, reply.value, options.now());
      options.logger.log('info', 'Desk enrolled with the back office', place);
      await engine.syncNow();
    } else if (reply.kind === 'refused') {
      recordRefusal(db, code, reply.reason, reply.message, options.now());
      options.logger.log('warn', 'The back office refused the enrollment code', { reason: reply.reason, message: reply.message });
      options.onStatus(withEnrollment(engine.status()));
    }
    return reply;
  }

  /** The configured code, sent at start by a desk not enrolled yet, unless the back office refused that very code before. */
  const configuredCode = desk.enrollmentCode;
  const autoEnroller =
    engine && configuredCode
      ? createAutoEnroller({
          exchange: async (): Promise<ExchangeOutcome> => {
            if (isEnrolled(db)) return 'done';
            const reply = await exchange(configuredCode, `Vikno ${place.centerCode}/${place.deskCode}`);
            if (reply.kind === 'ok' || reply.kind === 'refused') return 'done';
            if (reply.kind === 'retry') {
              options.logger.log('info', 'Enrollment at start: the back office was not reached; will retry', { reason: reply.reason });
              return 'retry';
            }
            options.logger.log('warn', 'Enrollment at start failed; enroll this desk in Settings', { kind: reply.kind });
            return 'done';
          },
          ...(options.random ? { random: options.random } : {}),
        })
      : null;

  return {
    start(): void {
      engine?.start();
      if (autoEnroller && configuredCode && !isEnrolled(db) && !wasRefused(db, configuredCode)) autoEnroller.start();
    },
    status(): SyncStatus {
      return engine ? withEnrollment(engine.status()) : standalone();
    },
    /** A change was just saved: deliver it now rather than at the next poll. */
    changed(): void {
      if (engine) void engine.syncNow();
      else options.onStatus(standalone());
    },
    async syncNow(): Promise<SyncStatus> {
      if (!engine) return standalone();
      await engine.syncNow();
      return withEnrollment(engine.status());
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
      const reply = await exchange(code, deviceName);
      if (reply.kind === 'refused')
        throw new AppError('VALIDATION', `The back office refused the enrollment code: ${reply.message}`, [
          { path: ['code'], message: reply.reason },
        ]);
      if (reply.kind === 'bad_request')
        throw new AppError('VALIDATION', `The back office refused the enrollment: ${reply.message}`, [
          { path: ['code'], message: 'not accepted' },
        ]);
      // The reason goes with it: an untrusted certificate (back-office-fetch.ts) is IT's to fix, not a retry.
      if (reply.kind === 'retry') throw new AppError('UNAVAILABLE', `The back office could not be reached (${reply.reason}); try again`);
      if (reply.kind !== 'ok') throw new AppError('UNAVAILABLE', 'The back office could not be reached; try again');
      return withEnrollment(engine.status());
    },
    /** The back office's record as a pull would bring it: a supervisor took its version of a conflict (dead-letters.ts). */
    takeServerRecord(change: Change): void {
      applyChanges(db, [change]);
    },
    waitForIdle(): Promise<void> {
      return engine ? engine.waitForIdle() : Promise.resolve();
    },
    async stop(): Promise<void> {
      await autoEnroller?.stop();
      await engine?.stop();
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
