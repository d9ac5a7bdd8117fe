/**
 * The queue's route groups on a real Fastify server on loopback, over a harness's storage. Stands in
 * for the back office's own Fastify server (the move onto Fastify is another branch, i11-http): it
 * registers the same plugins and answers HttpError the way the server does.
 */
import Fastify from 'fastify';
import sse from '@fastify/sse';
import { HttpError } from '../../../server/http/http-error';
import { boardRoutes } from '../../../server/queue/board-routes';
import { deskQueueRoutes } from '../../../server/queue/desk-routes';
import { QueueHub } from '../../../server/queue/hub';
import { kioskTicketRoutes } from '../../../server/queue/kiosk-routes';
import type { QueueRouteDeps } from '../../../server/queue/route-deps';
import type { Storage } from '../../../server/storage/storage';

export interface QueueApp {
  url: string;
  hub: QueueHub;
  close(): Promise<void>;
}

export async function startQueueApp(storage: Storage, now: () => Date): Promise<QueueApp> {
  const hub = new QueueHub(now);
  const deps: QueueRouteDeps = {
    storage,
    blobs: { dir: '/nonexistent', maxBytes: 1 },
    adminToken: null,
    statistics: null,
    now,
    pagesDir: null,
    queueHub: hub,
  };
  // Close open event streams with the server, as a test's clean-up expects.
  const app = Fastify({ forceCloseConnections: true });
  await app.register(sse, { heartbeatInterval: 1000 });
  app.setErrorHandler((error, _req, reply) => {
    if (error instanceof HttpError)
      return reply
        .code(error.status)
        .headers(error.headers)
        .send({ error: { code: error.code, message: error.message } });
    return reply.code(500).send({ error: { code: 'internal', message: String(error) } });
  });
  await app.register(deskQueueRoutes(deps));
  await app.register(kioskTicketRoutes(deps));
  await app.register(boardRoutes(deps));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, hub, close: () => app.close() };
}
