/** The admin's routes for a center's queue configuration (docs/ARCHITECTURE.md §6.8); `queue configure` calls the POST. */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { QueueConfig } from '../../shared/domain/queue-config';
import { PlaceCode } from '../../shared/place-code';
import { requireAdmin } from '../admin/admin-routes';
import type { ServerDeps } from '../http/server-deps';
import type { ZodTypeProvider } from '../http/zod-schemas';
import { publishQueueConfig } from './publish-config';
import type { QueueConfigPublished } from './publish-config';
import { requireQueueConfig } from './require-config';

/** A queue.json: a few hundred service codes at most. */
const CONFIG_MAX_BYTES = 1024 * 1024;

export function queueConfigRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { storage, adminToken } = deps;
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.addHook('onRequest', async (request) => requireAdmin(request, adminToken));
    app.post(
      '/admin/queue-config',
      { bodyLimit: CONFIG_MAX_BYTES, schema: { body: QueueConfig } },
      async (request): Promise<QueueConfigPublished> => publishQueueConfig(storage, request.body),
    );
    app.get('/admin/queue-config', { schema: { querystring: z.object({ center: PlaceCode }) } }, async (request): Promise<QueueConfig> =>
      requireQueueConfig(storage, request.query.center),
    );
  };
}
