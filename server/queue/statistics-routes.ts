/** Queue statistics (docs/ARCHITECTURE.md §6.8): a desk sees its own center's, the admin any center's. */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { PlaceCode } from '../../shared/place-code';
import type { QueueStatistics } from '../../shared/queue-protocol';
import { requireAdmin } from '../admin/admin-routes';
import { HttpError } from '../http/http-error';
import type { ServerDeps } from '../http/server-deps';
import { deskAuth, deskCaller } from '../http/sync-headers';
import type { ZodTypeProvider } from '../http/zod-schemas';
import { loadQueueStatistics } from './statistics';

const Range = z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) });
/** A year of tickets is what a supervisor compares; more is a report for another tool. */
const MAX_RANGE_DAYS = 366;

function range(query: z.infer<typeof Range>): { from: Date; to: Date } {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (to <= from) throw new HttpError(400, 'invalid_query', 'to must be after from');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000)
    throw new HttpError(400, 'invalid_query', `A range of at most ${MAX_RANGE_DAYS} days`);
  return { from, to };
}

export function queueStatisticsRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { storage, adminToken } = deps;
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/queue/statistics',
      { onRequest: deskAuth(storage), schema: { querystring: Range } },
      async (request): Promise<QueueStatistics> => {
        const { device } = deskCaller(request);
        const { from, to } = range(request.query);
        return loadQueueStatistics(storage, device.centerCode, from, to);
      },
    );
    app.get(
      '/admin/queue/statistics',
      { onRequest: async (request) => requireAdmin(request, adminToken), schema: { querystring: Range.extend({ center: PlaceCode }) } },
      async (request): Promise<QueueStatistics> => {
        const { from, to } = range(request.query);
        return loadQueueStatistics(storage, request.query.center, from, to);
      },
    );
  };
}
