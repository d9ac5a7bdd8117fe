/** What the hall's kiosk shows (public, rate-limited; docs/ARCHITECTURE.md §6.8). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '../http/zod-schemas';
import type { KioskConfig } from '../../shared/queue-protocol';
import type { ServerDeps } from '../http/server-deps';
import { kioskConfig } from './kiosk-config';
import { requireQueueConfig } from './require-config';
import { PUBLIC_RATE } from './public-rate';
import { CenterParams } from './center-params';

export function kioskConfigRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { storage } = deps;
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/kiosk/:center/config',
      { config: { rateLimit: PUBLIC_RATE }, schema: { params: CenterParams } },
      async (request): Promise<KioskConfig> => {
        const config = await requireQueueConfig(storage, request.params.center);
        return kioskConfig(storage, config);
      },
    );
  };
}
