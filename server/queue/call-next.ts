/**
 * Call-next, atomic across desks (docs/ARCHITECTURE.md §6.8). SQL reads only the heads — per
 * queue of the desk's profile, the first few tickets of each call class, plus the tickets
 * transferred to this desk — and the one call order (`callComparator`, shared/domain/call-order.ts)
 * ranks them, so the order is written once. The best is then locked and taken with SKIP LOCKED: a
 * row another desk is calling right now is skipped, never waited for and never called twice; the
 * next head is tried, and the heads are read again only when all were taken.
 */
import { callComparator } from '../../shared/domain/call-order';
import type { QueueConfig, QueueDesk } from '../../shared/domain/queue-config';
import { QUEUE_ERRORS } from '../../shared/queue-protocol';
import { HttpError } from '../http/http-error';
import type { Sql } from '../storage/storage';
import { recordEvent, TICKET_COLUMNS, toCandidate } from './tickets';
import type { TicketRow } from './tickets';

/**
 * A ticket is class 0 (booked, slot begun, checked in on time), 1 (priority) or 2 — the same
 * classes as `callClass`. Within one queue and class, call order is always issue order (class 0:
 * slot, then issue), so the first `limit` rows of each are a superset of the desk's best `limit`.
 */
const BOOKED_NOW = '(booked_slot_start IS NOT NULL AND NOT booking_late AND booked_slot_start <= $3)';
const HEADS_OF_QUEUE = (limit: string) => `
  (SELECT ${TICKET_COLUMNS} FROM queue_tickets
    WHERE center_code = $1 AND queue_code = q.code AND status = 'waiting' AND target_desk_code IS NULL AND ${BOOKED_NOW}
      AND NOT (id = ANY (SELECT json_array_elements_text($4::json)))
    ORDER BY booked_slot_start, issued_at, id LIMIT ${limit})
  UNION ALL
  (SELECT ${TICKET_COLUMNS} FROM queue_tickets
    WHERE center_code = $1 AND queue_code = q.code AND status = 'waiting' AND target_desk_code IS NULL
      AND priority_category IS NOT NULL AND NOT ${BOOKED_NOW}
      AND NOT (id = ANY (SELECT json_array_elements_text($4::json)))
    ORDER BY issued_at, id LIMIT ${limit})
  UNION ALL
  (SELECT ${TICKET_COLUMNS} FROM queue_tickets
    WHERE center_code = $1 AND queue_code = q.code AND status = 'waiting' AND target_desk_code IS NULL
      AND priority_category IS NULL AND NOT ${BOOKED_NOW}
      AND NOT (id = ANY (SELECT json_array_elements_text($4::json)))
    ORDER BY issued_at, id LIMIT ${limit})`;

const headsSql = (limit: string) => `
  SELECT h.* FROM json_array_elements_text($2::json) AS q(code) CROSS JOIN LATERAL (${HEADS_OF_QUEUE(limit)}) h
  UNION ALL
  (SELECT ${TICKET_COLUMNS} FROM queue_tickets
    WHERE center_code = $1 AND status = 'waiting' AND target_desk_code = $5
      AND NOT (id = ANY (SELECT json_array_elements_text($4::json)))
    ORDER BY issued_at, id LIMIT ${limit})`;

const headsParams = (centerCode: string, desk: QueueDesk, now: Date, limit: number, excluded: readonly string[]) => [
  centerCode,
  JSON.stringify(desk.profile.queues.map((entry) => entry.queueCode)),
  now.toISOString(),
  JSON.stringify(excluded),
  desk.deskCode,
  limit,
];

/** The `limit` best waiting tickets of each queue and class for `desk` (and those transferred to it), ids in `excluded` left out. */
export async function readHeads(
  sql: Sql,
  centerCode: string,
  desk: QueueDesk,
  now: Date,
  limit: number,
  excluded: readonly string[] = [],
): Promise<TicketRow[]> {
  return sql.query<TicketRow>(headsSql('$6'), headsParams(centerCode, desk, now, limit, excluded));
}

/** The plan of call-next's heads query (EXPLAIN), for the bench to show that it stays index scans. */
export async function readHeadsPlan(sql: Sql, centerCode: string, desk: QueueDesk, now: Date): Promise<string[]> {
  const rows = await sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${headsSql('$6')}`, headsParams(centerCode, desk, now, 1, []));
  return rows.map((row) => row['QUERY PLAN']);
}

/** `rows` best first for `desk`, by the one call order. */
export function sortForDesk(rows: readonly TicketRow[], desk: QueueDesk, now: Date): TicketRow[] {
  const compare = callComparator(desk.profile, now);
  return [...rows].sort((a, b) => compare(toCandidate(a), toCandidate(b)));
}

export function deskOf(config: QueueConfig, centerCode: string, deskCode: string): QueueDesk {
  const desk = config.desks.find((d) => d.deskCode === deskCode);
  if (!desk) throw new HttpError(404, QUEUE_ERRORS.notConfigured, `Desk ${deskCode} is not in the queue configuration of ${centerCode}`);
  return desk;
}

/**
 * Locks this desk's row for the rest of the transaction and answers whether it is paused and which
 * ticket (if any) is at its window, in one round trip: one desk's commands run one at a time (a
 * double-clicked call-next cannot call two tickets to one window). Desk row first, then ticket
 * rows, in every command: no lock-order deadlock.
 */
export async function lockDesk(tx: Sql, centerCode: string, deskCode: string): Promise<{ paused: boolean; busyWith: string | null }> {
  const [row] = await tx.query<{ paused: boolean; busy_with: string | null }>(
    `INSERT INTO queue_desks (center_code, desk_code) VALUES ($1, $2)
     ON CONFLICT (center_code, desk_code) DO UPDATE SET paused = queue_desks.paused
     RETURNING paused, (SELECT number FROM queue_tickets WHERE center_code = $1 AND desk_code = $2 AND status IN ('called', 'serving') LIMIT 1) AS busy_with`,
    [centerCode, deskCode],
  );
  return { paused: row!.paused, busyWith: row!.busy_with };
}

/** Refuses a call while the desk already has someone at its window (`busyWith` from lockDesk). */
export function requireFreeDesk(deskCode: string, busyWith: string | null): void {
  if (busyWith !== null)
    throw new HttpError(409, QUEUE_ERRORS.deskBusy, `Desk ${deskCode} is serving ${busyWith}: finish, park or transfer it first`);
}

export interface DeskActor {
  centerCode: string;
  config: QueueConfig;
  deskCode: string;
  clerkId: string;
  now: Date;
}

/**
 * Heads read per queue and class at once. The best `n` of each are a superset of the desk's best `n`
 * overall, so trying them in order is the call order; n covers desks pressing at the same moment.
 */
const HEADS_PER_READ = 4;

/** The UPDATE that marks a row called at a desk ($2 desk, $3 clerk, $4 time), for markCalled and callNext's one-statement take. */
const SET_CALLED = `SET status = 'called', desk_code = $2, clerk_id = $3, target_desk_code = NULL, called_at = $4, recalls = 0,
       version = version + 1, updated_at = $4`;

/** Records the call of `row` (already updated) and answers it with the event's seq for the board. */
async function called(tx: Sql, actor: DeskActor, row: TicketRow): Promise<{ row: TicketRow; seq: number }> {
  const seq = await recordEvent(tx, {
    centerCode: actor.centerCode,
    ticketId: row.id,
    event: 'called',
    at: actor.now,
    deskCode: actor.deskCode,
    clerkId: actor.clerkId,
    queueCode: row.queue_code,
    serviceCode: row.service_code,
  });
  return { row, seq };
}

/** Marks a locked waiting (or parked) row called at `actor`'s desk and records the call. */
export async function markCalled(tx: Sql, actor: DeskActor, ticketId: string): Promise<{ row: TicketRow; seq: number }> {
  const [row] = await tx.query<TicketRow>(`UPDATE queue_tickets ${SET_CALLED} WHERE id = $1 RETURNING ${TICKET_COLUMNS}`, [
    ticketId,
    actor.deskCode,
    actor.clerkId,
    actor.now.toISOString(),
  ]);
  return called(tx, actor, row!);
}

/**
 * Calls the next ticket for the actor's desk, in the caller's transaction. 409 desk_paused,
 * desk_busy, or nothing_waiting (409 like the others: the queue's state, not a missing resource).
 */
export async function callNext(tx: Sql, actor: DeskActor): Promise<{ row: TicketRow; seq: number }> {
  const desk = deskOf(actor.config, actor.centerCode, actor.deskCode);
  const { paused, busyWith } = await lockDesk(tx, actor.centerCode, actor.deskCode);
  if (paused) throw new HttpError(409, QUEUE_ERRORS.deskPaused, `Desk ${actor.deskCode} is paused: resume it to call`);
  requireFreeDesk(actor.deskCode, busyWith);
  const excluded: string[] = [];
  // One head per queue and class first (the common case: nobody else is calling); once another desk
  // took the best, the best few, so that desks pressing at once try the next without reading again.
  for (let limit = 1; ; limit = HEADS_PER_READ) {
    const heads = sortForDesk(await readHeads(tx, actor.centerCode, desk, actor.now, limit, excluded), desk, actor.now);
    if (heads.length === 0) throw new HttpError(409, QUEUE_ERRORS.nothingWaiting, `No ticket is waiting for desk ${actor.deskCode}`);
    for (const chosen of heads.slice(0, limit)) {
      // Lock and take in one statement: a row another desk holds is skipped, never waited for.
      const [taken] = await tx.query<TicketRow>(
        `UPDATE queue_tickets ${SET_CALLED}
         WHERE id = (SELECT id FROM queue_tickets WHERE id = $1 AND status = 'waiting' FOR UPDATE SKIP LOCKED) RETURNING ${TICKET_COLUMNS}`,
        [chosen.id, actor.deskCode, actor.clerkId, actor.now.toISOString()],
      );
      if (taken) return called(tx, actor, taken);
      excluded.push(chosen.id);
    }
  }
}
