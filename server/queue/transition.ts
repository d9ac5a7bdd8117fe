/**
 * One counter action on a locked ticket row, checked by the ticket machine
 * (shared/domain/ticket-status.ts): the row's new status, the event stored with it. Desks' live
 * commands and their offline mutations (server/sync/apply/ticket.ts) both move tickets through here.
 */
import { ticketEventResult } from '../../shared/domain/ticket-status';
import type { TicketEvent } from '../../shared/domain/ticket-status';
import type { Sql } from '../storage/storage';
import { recordEvent, TICKET_COLUMNS } from './tickets';
import type { TicketRow } from './tickets';

export interface TransitionActor {
  centerCode: string;
  deskCode: string;
  clerkId: string;
  now: Date;
}

export interface TransitionOptions {
  note?: string | undefined;
  /** Transfer only: the queue it now waits in (unchanged when absent) and the one desk that may call it. */
  toQueueCode?: string | undefined;
  toDeskCode?: string | undefined;
}

/** Reads a ticket of the center and locks it until commit; null when there is none. */
export async function lockTicket(tx: Sql, centerCode: string, ticketId: string): Promise<TicketRow | null> {
  const [row] = await tx.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM queue_tickets WHERE id = $1 AND center_code = $2 FOR UPDATE`, [
    ticketId,
    centerCode,
  ]);
  return row ?? null;
}

/**
 * Applies `event` (not `called`: see markCalled) to a locked row, or answers null when the machine
 * forbids it from the row's status. A transferred ticket waits again with its issue time kept: it
 * already waited once and is not sent to the back of the next queue.
 */
export async function transition(
  tx: Sql,
  actor: TransitionActor,
  row: TicketRow,
  event: Exclude<TicketEvent, 'called'>,
  options: TransitionOptions = {},
): Promise<{ row: TicketRow; seq: number } | null> {
  const to = ticketEventResult(row.status, event);
  if (to === null) return null;
  const transfer = event === 'transferred';
  const [updated] = await tx.query<TicketRow>(
    `UPDATE queue_tickets SET status = $2, recalls = recalls + $3, note = COALESCE($4, note), queue_code = COALESCE($5, queue_code),
       target_desk_code = $6, desk_code = $7, clerk_id = $8, version = version + 1, updated_at = $9
     WHERE id = $1 RETURNING ${TICKET_COLUMNS}`,
    [
      row.id,
      to,
      event === 'recalled' ? 1 : 0,
      options.note ?? null,
      transfer ? (options.toQueueCode ?? null) : null,
      transfer ? (options.toDeskCode ?? null) : null,
      transfer ? null : actor.deskCode,
      actor.clerkId,
      actor.now.toISOString(),
    ],
  );
  const details =
    event === 'transferred'
      ? { toQueueCode: options.toQueueCode ?? null, toDeskCode: options.toDeskCode ?? null, note: options.note ?? null }
      : options.note !== undefined
        ? { note: options.note }
        : null;
  const seq = await recordEvent(tx, {
    centerCode: actor.centerCode,
    ticketId: row.id,
    event,
    at: actor.now,
    deskCode: actor.deskCode,
    clerkId: actor.clerkId,
    queueCode: row.queue_code,
    serviceCode: row.service_code,
    details,
  });
  return { row: updated!, seq };
}
