import type { FastifyPluginAsync } from 'fastify';
import { adminRoutes } from '../admin/admin-routes';
import { clerkAdminRoutes } from '../admin/clerk-admin-routes';
import { enrollRoutes } from '../auth/enroll-routes';
import { blobRoutes } from '../blobs/blob-routes';
import { pageRoutes } from '../pages/page-routes';
import { providerRoutes } from '../provider/provider-routes';
import { queueRoutes } from '../queue/queue-route-groups';
import { syncRoutes } from '../sync/sync-routes';
import type { ServerDeps } from './server-deps';

/** One concern's routes: a Fastify plugin over the server's dependencies (docs/ARCHITECTURE.md §8). */
export type RouteGroup = (deps: ServerDeps) => FastifyPluginAsync;

/** Every route group the server registers, in this order; a new concern adds its line here. */
export const ROUTE_GROUPS: readonly RouteGroup[] = [
  syncRoutes,
  enrollRoutes,
  blobRoutes,
  adminRoutes,
  clerkAdminRoutes,
  providerRoutes,
  queueRoutes,
  pageRoutes,
];
