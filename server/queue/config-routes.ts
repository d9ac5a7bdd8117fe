/** The admin's routes for a center's queue configuration (docs/ARCHITECTURE.md §6.8); `queue configure` calls the POST. */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { QueueConfig } from '../../shared/domain/queue-config';
import { PlaceCode } from '../../shared/place-code';
import { requireAdmin } from '../admin/admin-routes';
import type { ServerDeps } from '../http/server-deps';
import { checkedQuery } from './query-params';
import { parseQueueConfig, publishQueueConfig } from './publish-config';
import type { QueueConfigPublished } from './publish-config';
import { requireQueueConfig } from './require-config';

/** A queue.json: a few hundred service codes at most. */
const CONFIG_MAX_BYTES = 1024 * 1024;

export function queueConfigRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { storage, adminToken } = deps;
  return async (app) => {
    app.addHook('onRequest', async (request) => requireAdmin(request.raw, adminToken));
    app.post('/admin/queue-config', { bodyLimit: CONFIG_MAX_BYTES }, async (request): Promise<QueueConfigPublished> =>
      publishQueueConfig(storage, parseQueueConfig(request.body)),
    );
    app.get('/admin/queue-config', async (request): Promise<QueueConfig> => {
      const { center } = checkedQuery(z.object({ center: PlaceCode }), request.query);
      return requireQueueConfig(storage, center);
    });
  };
}
