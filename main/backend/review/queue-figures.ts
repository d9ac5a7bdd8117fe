import type { TicketPurpose } from '../../../shared/domain/queue-config';
import { queueStatistics } from '../../../shared/queue-statistics';
import type { QueueStatistics } from '../../../shared/queue-protocol';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/**
 * The queue's figures from this desk's own tickets and their events (the walk-ins it numbered and
 * the tickets it served), issued in [from, to): what the review shows when there is no back
 * office or it does not answer. The same arithmetic as the back office's (shared/queue-statistics.ts).
 */
export function deskQueueStatistics(db: Db, from: Date, to: Date, timeZone: string): QueueStatistics {
  const range = [from.toISOString(), to.toISOString()];
  const tickets = statement(
    db,
    'SELECT id, queue_code, service_code, purpose, issued_at FROM tickets WHERE issued_at >= ? AND issued_at < ? AND deleted_at IS NULL',
  ).all(...range) as Array<{ id: string; queue_code: string; service_code: string | null; purpose: TicketPurpose; issued_at: string }>;
  const events = statement(
    db,
    `SELECT e.ticket_id, e.event, e.at, e.desk_code, e.clerk_id FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
      WHERE t.issued_at >= ? AND t.issued_at < ? AND t.deleted_at IS NULL ORDER BY e.seq`,
  ).all(...range) as Array<{ ticket_id: string; event: string; at: string; desk_code: string | null; clerk_id: string | null }>;
  return queueStatistics({
    from,
    to,
    timeZone,
    tickets: tickets.map((t) => ({
      id: t.id,
      queueCode: t.queue_code,
      serviceCode: t.service_code,
      purpose: t.purpose,
      issuedAt: new Date(t.issued_at),
    })),
    events: events.map((e) => ({ ticketId: e.ticket_id, event: e.event, at: new Date(e.at), deskCode: e.desk_code, clerkId: e.clerk_id })),
  });
}
