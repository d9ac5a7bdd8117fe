/** What the hall's kiosk shows (public, rate-limited; docs/ARCHITECTURE.md §6.8). */
import type { FastifyPluginAsync } from 'fastify';
import type { KioskConfig } from '../../shared/queue-protocol';
import type { ServerDeps } from '../http/server-deps';
import { kioskConfig } from './kiosk-config';
import { requireQueueConfig } from './require-config';
import { PUBLIC_RATE } from './query-params';
import { centerParam } from './route-deps';

export function kioskConfigRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { storage } = deps;
  return async (app) => {
    app.get('/api/kiosk/:center/config', { config: { rateLimit: PUBLIC_RATE } }, async (request): Promise<KioskConfig> => {
      const config = await requireQueueConfig(storage, centerParam(request.params));
      return kioskConfig(storage, config);
    });
  };
}
