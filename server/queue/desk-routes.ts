/**
 * The desk's queue routes (docs/ARCHITECTURE.md §6.8): its state, its commands, and a stream that
 * says "your center's queue changed" (the desk then reads its state: one small event, no polling).
 * Authenticated like /sync: device token, protocol and acting clerk headers.
 */
import type { FastifyPluginAsync } from 'fastify';
// The SSE plugin's types (reply.sse, the route's sse option); the server registers the plugin itself.
import type {} from '@fastify/sse';
import { QueueCommand } from '../../shared/queue-protocol';
import type { QueueCommandResult } from '../../shared/queue-protocol';
import type { ServerDeps } from '../http/server-deps';
import { deskAuth, deskCaller } from '../http/sync-headers';
import type { ZodTypeProvider } from '../http/zod-schemas';
import { runQueueCommand } from './commands';
import { deskState } from './desk-state';
import { requireQueueConfig } from './require-config';

export function deskQueueRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { storage, queueHub } = deps;
  const desk = deskAuth(storage);
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.get('/queue/state', { onRequest: desk }, async (req) => {
      const { device } = deskCaller(req);
      const config = await requireQueueConfig(storage, device.centerCode);
      return deskState(storage, config, device.centerCode, device.deskCode, deps.now());
    });

    app.post('/queue/commands', { onRequest: desk, schema: { body: QueueCommand } }, async (req): Promise<QueueCommandResult> => {
      const { device, actor } = deskCaller(req);
      const command = req.body;
      const config = await requireQueueConfig(storage, device.centerCode);
      const now = deps.now();
      const actorOf = { centerCode: device.centerCode, config, deskCode: device.deskCode, clerkId: actor, deviceId: device.id, now };
      const ticket = await runQueueCommand(storage, queueHub, actorOf, command);
      return { ticket, state: await deskState(storage, config, device.centerCode, device.deskCode, now) };
    });

    app.get('/queue/events', { onRequest: desk, sse: true }, async (req, reply) => {
      const { device } = deskCaller(req);
      reply.sse.keepAlive();
      // Headers now, not at the first event: a client knows at once that it is subscribed.
      reply.sse.sendHeaders();
      // writeHead alone waits for the first write (the heartbeat, 30 s later) to reach the client.
      reply.raw.flushHeaders();
      const stop = queueHub.subscribeChanges(device.centerCode, (change) => {
        void reply.sse.send({ event: 'changed', data: change });
      });
      reply.sse.onClose(stop);
    });
  };
}
