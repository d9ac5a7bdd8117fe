/** A center's queue statistics from the back office's tables; the arithmetic is shared/queue-statistics.ts. */
import type { TicketPurpose } from '../../shared/domain/queue-config';
import { QUEUE_ERRORS } from '../../shared/queue-protocol';
import type { QueueStatistics } from '../../shared/queue-protocol';
import { queueStatistics } from '../../shared/queue-statistics';
import { HttpError } from '../http/http-error';
import type { Sql } from '../storage/storage';
import { loadQueueConfig } from './config';

export { nearestRank, queueStatistics } from '../../shared/queue-statistics';
export type { StatisticsEvent, StatisticsTicket } from '../../shared/queue-statistics';

/**
 * A center's statistics for the tickets issued in [from, to), local walk-ins a desk synced later
 * among them (they carry the desk's times). 404 for a center with no queue.
 */
export async function loadQueueStatistics(sql: Sql, centerCode: string, from: Date, to: Date): Promise<QueueStatistics> {
  const config = await loadQueueConfig(sql, centerCode);
  if (!config) throw new HttpError(404, QUEUE_ERRORS.notConfigured, `Center ${centerCode} has no queue configuration`);
  const range = [centerCode, from.toISOString(), to.toISOString()];
  const tickets = await sql.query<{
    id: string;
    queue_code: string;
    service_code: string | null;
    purpose: TicketPurpose;
    issued_at: Date | string;
  }>(
    'SELECT id, queue_code, service_code, purpose, issued_at FROM queue_tickets WHERE center_code = $1 AND issued_at >= $2 AND issued_at < $3',
    range,
  );
  const events = await sql.query<{
    ticket_id: string;
    event: string;
    at: Date | string;
    desk_code: string | null;
    clerk_id: string | null;
  }>(
    `SELECT e.ticket_id, e.event, e.at, e.desk_code, e.clerk_id FROM queue_events e JOIN queue_tickets t ON t.id = e.ticket_id
      WHERE t.center_code = $1 AND t.issued_at >= $2 AND t.issued_at < $3 ORDER BY e.seq`,
    range,
  );
  return queueStatistics({
    from,
    to,
    timeZone: config.timeZone,
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
