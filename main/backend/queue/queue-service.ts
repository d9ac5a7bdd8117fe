import { AppError } from '../../../shared/errors';
import type { QueuePanel } from '../../../shared/queue-panel';
import { DeskQueueState, QUEUE_ERRORS } from '../../../shared/queue-protocol';
import type { QueueAction, QueueCommandResult, QueueErrorCode, QueueStatistics } from '../../../shared/queue-protocol';
import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import type { DeskConfig } from '../config/desk-config';
import type { Db } from '../db/open';
import { uuidv7 } from '../ids';
import type { Logger } from '../log/logger';
import { readDeviceToken } from '../sync/sealed-state';
import { readSyncState, writeSyncState } from '../sync/sync-state';
import { queueError } from '../tickets/queue-error';
import { mirrorServerTicket } from '../tickets/ticket-row';
import { buildPanel } from './build-panel';
import { actLocally, ticketIsLocal } from './local-actions';
import { subscribeQueueEvents } from './queue-events';
import { createQueueHttp } from './queue-http';
import type { QueueReply } from './queue-http';

export interface QueueServiceOptions {
  db: Db;
  desk: DeskConfig;
  now: () => Date;
  /** Who acts on the back office's queue routes until sign-in lands: the desk's local clerk. */
  actor: () => string;
  logger: Logger;
  /** Every new panel (after a live change, a command, a drop or return of the back office) goes to the renderer. */
  onPanel: (panel: QueuePanel) => void;
  fetch?: typeof fetch;
  /** How long one read of the desk's state (or one failed attempt) answers `queue.state` before the next read. */
  cacheMs?: number;
  timeoutMs?: number;
  reopenMs?: number;
}

const KNOWN_CODES = new Set<string>(Object.values(QUEUE_ERRORS));

/** A refusal from the back office as the renderer reads it: the QUEUE_ERRORS code travels in the issue. */
function refusal(reply: Extract<QueueReply<unknown>, { kind: 'refused' }>): AppError {
  if (KNOWN_CODES.has(reply.code)) return queueError(reply.code as QueueErrorCode, reply.message);
  return new AppError(reply.status === 400 ? 'VALIDATION' : 'CONFLICT', `${reply.code}: ${reply.message}`);
}

/**
 * The clerk's queue panel on the desk (docs/SYNC.md, "The electronic queue"): reads the back
 * office's view of this desk, follows its live `changed` events, sends counter commands, and
 * when the back office is unreachable (or the desk is standalone) serves walk-ins and the
 * ticket it holds locally, queued in the outbox for sync.
 */
export function createQueueService(options: QueueServiceOptions) {
  const { db, desk, now, logger } = options;
  const cacheMs = options.cacheMs ?? 2_000;
  const token = () => readDeviceToken(db);
  // Stopping the backend aborts what is in flight, so close never waits on a slow back office.
  const stopping = new AbortController();
  const baseFetch = options.fetch ?? fetch;
  const guardedFetch: typeof fetch = (input, init) =>
    baseFetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, stopping.signal]) : stopping.signal });
  const url = desk.backOfficeUrl;
  const http = url
    ? createQueueHttp({
        baseUrl: url,
        token,
        actor: options.actor,
        fetch: guardedFetch,
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      })
    : null;

  let connection: 'unknown' | 'online' | 'offline' | 'not_configured' = 'unknown';
  let attemptedAt: number | null = null;
  let subscription: { close(): void } | null = null;
  let reading: Promise<void> | null = null;
  let readAgain = false;
  let closed = false;

  const enrolled = () => http !== null && token() !== null;

  function lastState(): DeskQueueState | null {
    const stored = readSyncState(db, 'queue_state');
    if (stored === null) return null;
    const parsed = DeskQueueState.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  }

  function panel(): QueuePanel {
    const shown = !enrolled() ? 'standalone' : connection === 'unknown' ? 'offline' : connection;
    return buildPanel(db, {
      deskCode: desk.desk.code,
      connection: shown,
      desk: lastState(),
      lastContactAt: readSyncState(db, 'queue_contact_at'),
    });
  }

  function emit(): void {
    if (!closed) options.onPanel(panel());
  }

  /** The back office answered: its view of this desk is kept (shown stale later if it goes away) with the ticket at this window. */
  function remember(state: DeskQueueState, ticket: QueueCommandResult['ticket'] = null): void {
    const at = now().toISOString();
    runCommand(db, () => {
      writeSyncState(db, 'queue_state', JSON.stringify(state));
      writeSyncState(db, 'queue_contact_at', at);
      if (ticket) mirrorServerTicket(db, ticket, at);
      if (state.current) mirrorServerTicket(db, state.current, at);
    });
    connection = 'online';
  }

  function unreachable(reason: string): void {
    if (connection !== 'offline') logger.log('warn', 'The back office queue is unreachable', { reason });
    connection = 'offline';
  }

  async function readOnce(): Promise<void> {
    if (!http || !enrolled()) return;
    attemptedAt = now().getTime();
    const reply = await http.state();
    if (closed) return;
    if (reply.kind === 'ok') remember(reply.value);
    else if (reply.kind === 'refused' && reply.code === QUEUE_ERRORS.notConfigured) connection = 'not_configured';
    else unreachable(reply.kind === 'refused' ? `${reply.code}: ${reply.message}` : reply.reason);
  }

  /** Re-reads the desk's state: at most one read in flight and one more queued, however many changes arrive meanwhile. */
  function refresh(): Promise<void> {
    if (reading) {
      readAgain = true;
      return reading;
    }
    reading = (async () => {
      do {
        readAgain = false;
        try {
          await readOnce();
        } catch (error) {
          logger.log('error', 'Reading the queue state failed', { error: (error as Error).message });
        }
        emit();
      } while (readAgain && !closed);
    })().finally(() => {
      reading = null;
    });
    return reading;
  }

  function ensureSubscribed(): void {
    if (subscription || closed || !url || !enrolled()) return;
    subscription = subscribeQueueEvents({
      baseUrl: url,
      token,
      actor: options.actor,
      fetch: guardedFetch,
      onChanged: () => void refresh(),
      ...(options.reopenMs === undefined ? {} : { reopenMs: options.reopenMs }),
    });
  }

  const fresh = () => attemptedAt !== null && now().getTime() - attemptedAt < cacheMs;

  return {
    start(): void {
      ensureSubscribed();
    },
    async state(): Promise<QueuePanel> {
      ensureSubscribed();
      if (!enrolled()) return panel();
      // A read already under way answers this call too (its start made the cache look fresh).
      if (reading) await reading;
      else if (!fresh()) await refresh();
      return panel();
    },
    async act(env: CommandEnv, action: QueueAction): Promise<QueuePanel> {
      ensureSubscribed();
      if (http && enrolled() && !ticketIsLocal(db, action)) {
        if (connection === 'unknown' || (connection === 'offline' && !fresh())) await refresh();
        if (connection === 'online' || connection === 'not_configured') {
          const reply = await http.command(uuidv7(), action);
          if (reply.kind === 'ok') {
            remember(reply.value.state, reply.value.ticket);
            emit();
            return panel();
          }
          if (reply.kind === 'refused') throw refusal(reply);
          unreachable(reply.reason);
        }
      }
      actLocally(env, action, lastState());
      emit();
      return panel();
    },
    async statistics(from: string, to: string): Promise<QueueStatistics> {
      if (!http || !enrolled())
        throw new AppError('UNAVAILABLE', 'Queue statistics come from the back office; this desk is not enrolled with one');
      const reply = await http.statistics(from, to);
      if (reply.kind === 'ok') return reply.value;
      if (reply.kind === 'refused') throw refusal(reply);
      unreachable(reply.reason);
      throw new AppError('UNAVAILABLE', 'Queue statistics come from the back office, and it is unreachable now; try again later');
    },
    /** Something local changed the panel (sync delivered or refused queued actions): tell the renderer. */
    localChanged(): void {
      // An enrollment made since the start is first heard of here (sync reports it): follow the
      // back office from now on, or a panel opened before it would say "offline" until a click.
      if (!subscription && enrolled()) {
        ensureSubscribed();
        void refresh();
        return;
      }
      emit();
    },
    async stop(): Promise<void> {
      closed = true;
      subscription?.close();
      stopping.abort();
      await reading;
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
