/**
 * An enrolled desk with its sync engine on a manual clock, talking through the real SyncHttp client to
 * the scripted back office (test/helpers/scripted-back-office.ts): the set-up of the engine's unit tests.
 */
import { dirname } from 'node:path';
import { afterEach } from 'vitest';
import type { Db } from '../../../main/backend/db/open';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { putBlob } from '../../../main/backend/blobs/blob-store';
import { attachDocument } from '../../../main/backend/documents/attach-document';
import { createSyncEngine } from '../../../main/backend/sync/engine';
import { createFileUploader } from '../../../main/backend/sync/file-upload';
import type { SyncEngine, SyncEngineOptions, SyncStatus } from '../../../main/backend/sync/engine';
import { createSyncHttp } from '../../../main/backend/sync/http-client';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import { writeSyncState } from '../../../main/backend/sync/sync-state';
import { RegisterApplication } from '../../../shared/domain/application';
import { addApplicant, openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { manualClock } from '../../helpers/manual-clock';
import { memoryLogger } from '../../helpers/memory-logger';
import { scriptedBackOffice } from '../../helpers/scripted-back-office';
import { useTempDirs } from '../../helpers/temp-dir';

export const POLL_MS = 30_000;

/** Call once at the top of a test file: each test's engine is stopped and its database closed after it. */
export function useEngineDesks() {
  const tempDir = useTempDirs();
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  /**
   * `blobs`: when given, the engine gets the real file uploader, whose requests (/blobs/…) it answers;
   * the desk's files are in the folder of its database.
   */
  return function deskWithEngine(options: Partial<SyncEngineOptions> & { blobs?: (url: URL) => Response } = {}) {
    const { blobs, ...engineOptions } = options;
    const desk = openTestDesk(tempDir());
    writeSyncState(desk.db, 'device_token', 'token-of-desk-07');
    // Enrolled with its key (as every desk is since protocol 2): no desk-key registration before the first push.
    writeSyncState(desk.db, 'desk_key_registered', '2026-11-27T09:00:00.000Z');
    const clock = manualClock();
    const office = scriptedBackOffice();
    const logger = memoryLogger();
    const statuses: SyncStatus[] = [];
    /** Every request the engine made, in order. */
    const requests: URL[] = [];
    const http = createSyncHttp({
      baseUrl: 'http://back-office.test/',
      token: () => 'token-of-desk-07',
      actor: () => desk.env.clerkId,
      fetch: (input, init) => {
        requests.push(new URL(input instanceof Request ? input.url : String(input)));
        return office.fetch(input, init);
      },
      now: clock.now,
    });
    const uploader = blobs
      ? createFileUploader({
          db: desk.db,
          dataDir: dirname(desk.file),
          baseUrl: 'http://back-office.test/',
          token: () => 'token-of-desk-07',
          actor: () => desk.env.clerkId,
          fetch: (input) => Promise.resolve(blobs(new URL(input instanceof Request ? input.url : String(input)))),
        })
      : undefined;
    const engine = createSyncEngine({
      db: desk.db,
      http,
      now: clock.now,
      logger,
      applyChanges: createChangeApplier(logger),
      onStatus: (status) => statuses.push(status),
      timers: clock.timers,
      // Full jitter at its middle: each backoff is half its ceiling (1 s, 2 s, 4 s … after 1, 2, 3 failures).
      random: () => 0.5,
      pollMs: POLL_MS,
      ...(uploader ? { uploader } : {}),
      ...engineOptions,
    });
    cleanups.push(async () => {
      await engine.stop();
      desk.db.close();
    });
    return { desk, clock, office, engine, logger, statuses, requests };
  };
}

/** Fires what the clock makes due, then waits for the cycle it started. */
export async function advance(clock: ReturnType<typeof manualClock>, engine: SyncEngine, ms: number): Promise<void> {
  clock.advance(ms);
  await engine.waitForIdle();
}

export function outboxStatuses(db: Db): string[] {
  return db.prepare('SELECT status FROM outbox ORDER BY seq').pluck().all() as string[];
}

/** The content of the scan applicationWithScan attaches. */
export const SCAN = Buffer.from('%PDF-1.7 скан паспорта');

/** An application with a scanned document whose attach waits for its file; returns the attach's mutation id. */
export async function applicationWithScan(desk: TestDesk): Promise<string> {
  const applicant = addApplicant(desk.env);
  const app = registerApplication(
    desk.env,
    RegisterApplication.parse({
      serviceId: SAMPLE_SERVICE.id,
      applicantId: applicant.id,
      items: [{ name: 'Заява', original: true, sheets: 1 }],
    }),
  );
  const blob = await putBlob(dirname(desk.file), SCAN);
  attachDocument(desk.env, { applicationId: app.id, kind: 'passport', pages: 1, blob: { ...blob, mime: 'application/pdf' } });
  return desk.db.prepare("SELECT mutation_id FROM outbox WHERE status = 'blocked_on_blob'").pluck().get() as string;
}
