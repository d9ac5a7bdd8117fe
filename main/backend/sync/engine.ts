import type { EventPayload } from '../../../shared/contract';
import type { Change, Mutation, MutationResult } from '../../../shared/sync-protocol';
import { PULL_MAX_LIMIT, PUSH_MAX_BYTES, PUSH_MAX_MUTATIONS } from '../../../shared/sync-protocol';
import type { Db } from '../db/open';
import type { Logger } from '../log/logger';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import type { BackoffPolicy } from './backoff';
import type { FileUploader } from './file-upload';
import { PUSH_ENVELOPE_BYTES } from './http-client';
import type { SyncHttp } from './http-client';
import {
  markInflight,
  queueCounts,
  recordResults,
  releaseInflight,
  requeueDelivered,
  requeueInflight,
  splitAggregate,
  takeBatch,
} from './outbox-queue';
import { readDeviceToken } from './sealed-state';
import { readSyncState, writeSyncState } from './sync-state';
import { deskPublicKey, sessionAssertions } from '../auth/desk-key';

/** Delivery as the engine sees it; the sync service adds the enrollment (enrollment-state.ts). */
export type SyncStatus = Omit<EventPayload<'sync.status'>, 'enrollment' | 'enrollmentRefused'>;

export interface SyncEngineOptions {
  db: Db;
  http: SyncHttp;
  now: () => Date;
  logger: Logger;
  /** Applies one pull page's changes; runs inside the transaction that also stores the cursor. */
  applyChanges: (db: Db, changes: readonly Change[]) => void;
  onStatus: (status: SyncStatus) => void;
  /** Uploads the scans that `blocked_on_blob` mutations wait for; runs beside pushes, never in front of them. */
  uploader?: FileUploader;
  policy?: BackoffPolicy;
  random?: () => number;
  timers?: SyncTimers;
  /** How often to pull when nothing is pending. */
  pollMs?: number;
  batchSize?: number;
  pullLimit?: number;
}

/**
 * Where the engine's retry and poll timers come from: the real ones in the product, a clock
 * moved by hand in tests (so a retry is seen to happen without `syncNow`).
 */
export interface SyncTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Unref'd, so an armed retry never keeps the process alive on its own. */
const REAL_TIMERS: SyncTimers = {
  set(fn, ms) {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clear(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

type Pause = 'auth' | 'update' | null;

/**
 * The desk's side of docs/ARCHITECTURE.md §7: one push in flight, batches in commit order, exponential
 * backoff with full jitter after failures (the timer is re-armed after every one, so a desk
 * never stops trying), then pulls. 401 and 426 pause without burning attempts until
 * `syncNow()` (after re-enrollment or an update).
 */
export function createSyncEngine(options: SyncEngineOptions) {
  const { db, http, logger } = options;
  const policy = options.policy ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const timers = options.timers ?? REAL_TIMERS;
  const pollMs = options.pollMs ?? 30_000;
  const batchSize = options.batchSize ?? PUSH_MAX_MUTATIONS;
  const pullLimit = options.pullLimit ?? PULL_MAX_LIMIT;

  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  let failures = 0;
  let pause: Pause = null;
  let online = false;
  let clockOffsetMs: number | null = null;
  let uploading: Promise<void> | null = null;
  /**
   * Halved while the server refuses whole batches (see shrinkOrBackOff), doubled back after each
   * success, but never again to a size it refused.
   */
  let batchLimit = batchSize;
  let refusedSize = Infinity;
  const idleWaiters: Array<() => void> = [];

  function status(): SyncStatus {
    const counts = queueCounts(db);
    const files = options.uploader?.progress() ?? { files: counts.blockedOnFiles, bytesLeft: 0 };
    const state =
      readDeviceToken(db) === null
        ? 'not_enrolled'
        : pause === 'auth'
          ? 'paused_auth'
          : pause === 'update'
            ? 'paused_update'
            : online
              ? 'online'
              : 'offline';
    return {
      state,
      pending: counts.pending,
      oldestPendingAt: counts.oldestPendingAt,
      filesLeft: files.files,
      bytesLeft: files.bytesLeft,
      deadLetters: counts.dead,
      conflicts: counts.conflicts,
      lastSuccessAt: readSyncState(db, 'last_success_at'),
      clockOffsetMs,
    };
  }

  function publish(): void {
    options.onStatus(status());
  }

  function arm(delayMs: number): void {
    if (stopped) return;
    disarm();
    timer = timers.set(() => {
      timer = null;
      void kick();
    }, delayMs);
  }

  function disarm(): void {
    if (timer !== null) timers.clear(timer);
    timer = null;
  }

  function succeeded(offset: number | null): void {
    failures = 0;
    online = true;
    if (offset !== null) clockOffsetMs = offset;
    writeSyncState(db, 'last_success_at', options.now().toISOString());
  }

  /**
   * A record whose change came back as a conflict takes the server's state at once (the applier
   * leaves it alone if more local changes of it are queued): the server's version of it may have
   * arrived by pull while ours was pending, and then no later pull would bring it again.
   */
  function conflictSnapshots(batch: readonly Mutation[], results: readonly MutationResult[]): Change[] {
    const aggregateOf = new Map(batch.map((m) => [m.mutationId, m.aggregate]));
    return results.flatMap((result) => {
      const aggregate = aggregateOf.get(result.mutationId);
      if (result.status !== 'conflict' || aggregate === undefined) return [];
      const [entity, id] = splitAggregate(aggregate);
      // seq is a pull's cursor; a snapshot from a push answer moves no cursor.
      return [{ seq: 1, entity, id, version: result.version, data: result.server }];
    });
  }

  /**
   * A desk enrolled before desks had keys registers its public key once, before its first push
   * (the back office verifies the sessions a push names with it). `taken`: a key is registered
   * already — ours, when the answer to an earlier registration was lost; if it is another, the
   * back office refuses this desk's mutations one by one, which the supervisor sees.
   */
  async function registerDeskKey(): Promise<Exclude<
    Awaited<ReturnType<SyncHttp['registerDeskKey']>>,
    { kind: 'registered' | 'taken' }
  > | null> {
    if (readSyncState(db, 'desk_key_registered') !== null) return null;
    const reply = await http.registerDeskKey(deskPublicKey(db));
    if (reply.kind === 'taken') logger.log('warn', 'The back office holds a key for this desk already', { message: reply.message });
    if (reply.kind !== 'registered' && reply.kind !== 'taken') return reply;
    writeSyncState(db, 'desk_key_registered', options.now().toISOString());
    return null;
  }

  /** Returns the delay until the next cycle, or null when paused. */
  async function push(): Promise<number | 'again' | null> {
    const batch = takeBatch(db, options.now(), batchLimit, PUSH_MAX_BYTES - PUSH_ENVELOPE_BYTES);
    if (batch.length === 0) return pollMs;
    const keyFailure = await registerDeskKey();
    if (keyFailure) return failed(keyFailure);
    const ids = batch.map((m) => m.mutationId);
    const sessions = sessionAssertions(
      db,
      batch.flatMap((m) => (m.sessionId ? [m.sessionId] : [])),
    );
    markInflight(db, ids);
    let reply: Awaited<ReturnType<SyncHttp['push']>>;
    try {
      reply = await http.push(batch, sessions);
      if (reply.kind === 'ok') {
        const { results } = reply.value;
        db.transaction(() => {
          recordResults(db, results, options.now(), (attempts) => backoffDelay(attempts, policy, random));
          const snapshots = conflictSnapshots(batch, results);
          if (snapshots.length > 0) options.applyChanges(db, snapshots);
        })();
      }
    } finally {
      // Anything the server did not answer for, or whose answer could not be stored (the
      // transaction rolled back), goes back to the queue: left `inflight`, it would wait for a restart.
      releaseInflight(db, ids);
    }
    if (reply.kind === 'ok') {
      succeeded(reply.clockOffsetMs);
      batchLimit = Math.min(batchSize, batchLimit * 2, refusedSize - 1);
      return 'again';
    }
    if (reply.kind === 'bad_request') return shrinkOrBackOff(batch, reply);
    return failed(reply);
  }

  /**
   * The server refused the whole batch (400 or 413): too big for it, or a request it cannot
   * read at all (a mutation it cannot read is answered `rejected` on its own, not this way).
   * Halve the batch and go again; a batch of one refused too is a fault of the request: back off.
   */
  function shrinkOrBackOff(
    batch: readonly Mutation[],
    reply: Extract<Awaited<ReturnType<SyncHttp['push']>>, { kind: 'bad_request' }>,
  ): number | 'again' | null {
    if (batch.length > 1) {
      refusedSize = Math.min(refusedSize, batch.length);
      batchLimit = Math.max(1, Math.floor(batch.length / 2));
      return 'again';
    }
    return failed(reply);
  }

  function failed(reply: Exclude<Awaited<ReturnType<SyncHttp['push']>>, { kind: 'ok' }>): number | null {
    if (reply.kind === 'auth') {
      pause = 'auth';
      logger.log('warn', 'Sync paused: the back office refused this desk’s token', { message: reply.message });
      return null;
    }
    if (reply.kind === 'update_required') {
      pause = 'update';
      logger.log('warn', 'Sync paused: the back office needs a newer Vikno', { message: reply.message });
      return null;
    }
    online = false;
    failures += 1;
    const reason =
      reply.kind === 'retry' ? reply.reason : reply.kind === 'bad_request' ? `request refused: ${reply.message}` : 'cursor gone';
    logger.log('info', 'Sync attempt failed; will retry', { reason, failures });
    const backoff = backoffDelay(failures, policy, random);
    // Retry-After is a floor, not a replacement for the backoff: a server answering "0" (or a
    // date already past) must not have a hundred desks knock again at once, in step.
    return reply.kind === 'retry' && reply.retryAfterMs !== null ? Math.max(reply.retryAfterMs, backoff) : backoff;
  }

  /** Returns the delay until the next cycle, 'again' to push before pulling on, or null when paused. */
  async function pull(): Promise<number | 'again' | null> {
    for (;;) {
      const cursor = Number(readSyncState(db, 'pull_cursor') ?? '0');
      const reply = await http.pull(cursor, pullLimit, cursor > 0 ? readSyncState(db, 'pull_cursor_at') : null);
      if (reply.kind === 'gone') {
        // History we had seen is gone: take it all again. Pending changes stay on top and are
        // re-delivered (mutation_log deduplicates). A server restored from an older backup may
        // also have lost what it had acknowledged: send that again too, before re-reading, so
        // those records keep their local state until the server has them back.
        logger.log('warn', 'Pull cursor is not in the back office’s history; re-reading everything', {
          cursor,
          serverBehind: reply.serverBehind,
        });
        db.transaction(() => {
          if (reply.serverBehind)
            logger.log('warn', 'Back office restored from a backup; re-sending delivered changes', { count: requeueDelivered(db) });
          writeSyncState(db, 'pull_cursor', '0');
          writeSyncState(db, 'pull_cursor_at', null);
        })();
        if (reply.serverBehind) return 'again';
        if (cursor === 0) return backoffDelay(++failures, policy, random);
        continue;
      }
      if (reply.kind !== 'ok') return failed(reply);
      db.transaction(() => {
        options.applyChanges(db, reply.value.changes);
        writeSyncState(db, 'pull_cursor', String(reply.value.cursor));
        const last = reply.value.changes.at(-1);
        if (last) writeSyncState(db, 'pull_cursor_at', `${last.entity}:${last.id}:${last.version}`);
      })();
      succeeded(reply.clockOffsetMs);
      if (!reply.value.hasMore) return pollMs;
    }
  }

  /** Not awaited: a large scan must not hold up tickets and applications. */
  function startUploads(): void {
    if (!options.uploader || uploading) return;
    uploading = options.uploader
      .run()
      .then((run) => {
        if (run.failed.some((f) => f.kind === 'auth')) pause = 'auth';
        // Stored files released their mutations: push them now rather than at the next poll.
        if (run.stored.length > 0 && !stopped) void kick();
      })
      .catch((error: unknown) =>
        logger.log('warn', 'File upload run failed', { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        uploading = null;
        publish();
      });
  }

  async function cycle(): Promise<void> {
    if (pause !== null || readDeviceToken(db) === null) return;
    startUploads();
    let delay: number | 'again' | null = 'again';
    while (delay === 'again' && !stopped) {
      delay = await push();
      if (delay === pollMs) delay = await pull();
    }
    if (typeof delay === 'number') arm(delay);
  }

  async function kick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await cycle();
        } catch (error) {
          // A bug or a storage failure must not end syncing for the day: log, back off, go on.
          logger.log('error', 'Sync cycle failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
          failures += 1;
          arm(backoffDelay(failures, policy, random));
        }
        publish();
      } while (again && !stopped);
    })();
    await running;
    running = null;
    for (const resolve of idleWaiters.splice(0)) resolve();
  }

  return {
    start(): void {
      stopped = false;
      requeueInflight(db);
      publish();
      void kick();
    },
    /** "Sync now", a reconnect, or a change just saved: go at once, clearing a pause. */
    syncNow(): Promise<void> {
      pause = null;
      failures = 0;
      disarm();
      return kick();
    },
    /** Resolves after the cycle in progress (or the next one) has finished. */
    waitForIdle(): Promise<void> {
      if (!running) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    status,
    async stop(): Promise<void> {
      stopped = true;
      disarm();
      await running;
      await uploading;
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
