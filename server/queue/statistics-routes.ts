/** Queue statistics (docs/ARCHITECTURE.md §6.8): a desk sees its own center's, the admin any center's. */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { PlaceCode } from '../../shared/place-code';
import type { QueueStatistics } from '../../shared/queue-protocol';
import { requireAdmin } from '../admin/admin-routes';
import { HttpError } from '../http/http-error';
import type { ServerDeps } from '../http/server-deps';
import { requireDesk, requireProtocol } from '../http/sync-headers';
import { checkedQuery } from './query-params';
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
  return async (app) => {
    app.get('/queue/statistics', async (request): Promise<QueueStatistics> => {
      requireProtocol(request.raw);
      const { device } = await requireDesk(request.raw, storage);
      const { from, to } = range(checkedQuery(Range, request.query));
      return loadQueueStatistics(storage, device.centerCode, from, to);
    });
    app.get(
      '/admin/queue/statistics',
      { onRequest: async (request) => requireAdmin(request.raw, adminToken) },
      async (request): Promise<QueueStatistics> => {
        const query = checkedQuery(Range.extend({ center: PlaceCode }), request.query);
        const { from, to } = range(query);
        return loadQueueStatistics(storage, query.center, from, to);
      },
    );
  };
}
