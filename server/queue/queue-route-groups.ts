/**
 * The electronic queue's route groups as one group of the server (server/http/route-groups.ts):
 * they all share the server's one live hub (ServerDeps.queueHub), so a kiosk ticket, a check-in,
 * a desk's command or a sweep tells every desk and board listening.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ServerDeps } from '../http/server-deps';
import { boardRoutes } from './board-routes';
import { bookingRoutes } from './booking-routes';
import { queueConfigRoutes } from './config-routes';
import { deskQueueRoutes } from './desk-routes';
import { kioskConfigRoutes } from './kiosk-config-routes';
import { kioskTicketRoutes } from './kiosk-routes';
import { queueStatisticsRoutes } from './statistics-routes';

const QUEUE_GROUPS = [
  deskQueueRoutes,
  kioskTicketRoutes,
  boardRoutes,
  queueConfigRoutes,
  kioskConfigRoutes,
  bookingRoutes,
  queueStatisticsRoutes,
];

export function queueRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    for (const group of QUEUE_GROUPS) await app.register(group(deps));
  };
}
