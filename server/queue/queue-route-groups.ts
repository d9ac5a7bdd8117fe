/**
 * The electronic queue's route groups as one group of the server (server/http/route-groups.ts), so
 * that they share one live hub per server: a check-in or a sweep tells the desks listening.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ServerDeps } from '../http/server-deps';
import { bookingRoutes } from './booking-routes';
import { queueConfigRoutes } from './config-routes';
import { QueueHub } from './hub';
import { kioskConfigRoutes } from './kiosk-config-routes';
import { queueStatisticsRoutes } from './statistics-routes';

export function queueRoutes(deps: ServerDeps): FastifyPluginAsync {
  const queueDeps = { ...deps, queueHub: new QueueHub(deps.now) };
  return async (app) => {
    for (const group of [queueConfigRoutes, kioskConfigRoutes, bookingRoutes, queueStatisticsRoutes]) await app.register(group(queueDeps));
  };
}
