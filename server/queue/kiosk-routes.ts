/**
 * The hall kiosk's ticket route (public, rate-limited; docs/ARCHITECTURE.md §6.8): issues a ticket
 * and answers what the paper shows — number, queue, the windows that serve it, how many wait before it.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { QueueConfig } from '../../shared/domain/queue-config';
import { KioskTicketRequest } from '../../shared/queue-protocol';
import type { KioskTicket, QueueTicket } from '../../shared/queue-protocol';
import type { Sql } from '../storage/storage';
import { toInt } from '../storage/storage';
import { requireQueueConfig } from './require-config';
import type { QueueRouteDeps } from './route-deps';
import { centerParam, checkedBody } from './route-deps';
import { issueTicket } from './tickets';

/** A kiosk is one screen in one hall: this many tickets a minute per address is far above any queue. */
const KIOSK_RATE = { max: 60, timeWindow: '1 minute' };

/** The paper ticket of `ticket` (also the check-in's answer). */
export async function kioskTicket(sql: Sql, config: QueueConfig, ticket: QueueTicket): Promise<KioskTicket> {
  const queue = config.queues.find((q) => q.code === ticket.queueCode)!;
  const [ahead] = await sql.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM queue_tickets WHERE center_code = $1 AND queue_code = $2 AND status = 'waiting'
       AND target_desk_code IS NULL AND (issued_at < $3 OR (issued_at = $3 AND id < $4))`,
    [config.centerCode, ticket.queueCode, ticket.issuedAt, ticket.id],
  );
  return {
    number: ticket.number,
    queueNameUk: queue.nameUk,
    queueNameEn: queue.nameEn,
    windows: config.desks.filter((d) => d.profile.queues.some((q) => q.queueCode === ticket.queueCode)).map((d) => d.window),
    issuedAt: ticket.issuedAt,
    waitingAhead: toInt(ahead!.n),
    priority: ticket.priorityCategory !== null,
    late: ticket.booking?.late ?? false,
  };
}

export function kioskTicketRoutes(deps: QueueRouteDeps): FastifyPluginAsync {
  const { storage, queueHub } = deps;
  return async (app) => {
    app.post('/api/kiosk/:center/tickets', { config: { rateLimit: KIOSK_RATE } }, async (req) => {
      const centerCode = centerParam(req.params);
      const body = checkedBody(KioskTicketRequest, req.body);
      const config = await requireQueueConfig(storage, centerCode);
      const paper = await storage.transaction(async (tx) => {
        const ticket = await issueTicket(tx, {
          centerCode,
          config,
          serviceCode: body.serviceCode,
          purpose: body.purpose,
          ...(body.priorityCategory === undefined ? {} : { priorityCategory: body.priorityCategory }),
          ...(body.regNumber === undefined ? {} : { regNumber: body.regNumber }),
          now: deps.now(),
        });
        return kioskTicket(tx, config, ticket);
      });
      queueHub.changed(centerCode);
      return paper;
    });
  };
}
