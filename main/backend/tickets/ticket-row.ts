import type { QueueTicket } from '../../../shared/queue-protocol';
import type { TicketPurpose } from '../../../shared/domain/queue-config';
import type { TicketStatus } from '../../../shared/domain/ticket-status';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/** A `tickets` row (migration 0013) as better-sqlite3 returns it. */
export interface TicketRow {
  id: string;
  number: string;
  queue_code: string;
  service_code: string | null;
  purpose: TicketPurpose;
  priority_category: string | null;
  priority_reason: string | null;
  booking: string | null;
  status: TicketStatus;
  desk_code: string | null;
  window: string | null;
  target_desk_code: string | null;
  note: string | null;
  reg_number: string | null;
  local: 0 | 1;
  issued_at: string;
  called_at: string | null;
  recalls: number;
  server_version: number | null;
}

export function ticketRow(db: Db, id: string): TicketRow | undefined {
  return statement(db, 'SELECT * FROM tickets WHERE id = ? AND deleted_at IS NULL').get(id) as TicketRow | undefined;
}

/** The protocol's view of a stored ticket, so the panel shows local and mirrored tickets alike. */
export function toQueueTicket(row: TicketRow): QueueTicket {
  return {
    id: row.id,
    number: row.number,
    queueCode: row.queue_code,
    serviceCode: row.service_code,
    purpose: row.purpose,
    priorityCategory: row.priority_category,
    priorityReason: row.priority_reason,
    booking: row.booking === null ? null : (JSON.parse(row.booking) as QueueTicket['booking']),
    status: row.status,
    deskCode: row.desk_code,
    window: row.window,
    targetDeskCode: row.target_desk_code,
    note: row.note,
    regNumber: row.reg_number,
    local: row.local === 1,
    issuedAt: row.issued_at,
    calledAt: row.called_at,
    recalls: row.recalls,
  };
}

/** Whether the desk has counter actions on this ticket still to deliver: then its own copy is the newer one. */
export function hasQueuedActions(db: Db, ticketId: string): boolean {
  return (
    statement(
      db,
      "SELECT 1 FROM outbox WHERE status <> 'acked' AND aggregate = ? AND status IN ('pending', 'inflight', 'blocked_on_blob') LIMIT 1",
    ).get(`ticket:${ticketId}`) !== undefined
  );
}

/**
 * Keeps the desk's copy of a ticket the back office answered with: the ticket at this window
 * may be continued offline, and an application registered for it names it (applications.ticket_id).
 * A copy with queued offline actions is left alone: the back office has not seen them yet.
 */
export function mirrorServerTicket(db: Db, ticket: QueueTicket, at: string): void {
  if (hasQueuedActions(db, ticket.id)) return;
  statement(
    db,
    `INSERT INTO tickets (id, number, queue_code, service_code, purpose, priority_category, priority_reason, booking, status,
       desk_code, window, target_desk_code, note, reg_number, local, local_day, issued_at, called_at, recalls, updated_at)
     VALUES (@id, @number, @queueCode, @serviceCode, @purpose, @priorityCategory, @priorityReason, @booking, @status,
       @deskCode, @window, @targetDeskCode, @note, @regNumber, 0, NULL, @issuedAt, @calledAt, @recalls, @at)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, desk_code = excluded.desk_code, window = excluded.window,
       target_desk_code = excluded.target_desk_code, note = excluded.note, called_at = excluded.called_at,
       recalls = excluded.recalls, queue_code = excluded.queue_code, updated_at = excluded.updated_at
     WHERE tickets.local = 0`,
  ).run({ ...ticket, booking: ticket.booking === null ? null : JSON.stringify(ticket.booking), at });
}
