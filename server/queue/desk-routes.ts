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
import { requireDesk, requireProtocol } from '../http/sync-headers';
import { runQueueCommand } from './commands';
import { deskState } from './desk-state';
import { requireQueueConfig } from './require-config';
import type { QueueRouteDeps } from './route-deps';
import { checkedBody } from './route-deps';

export function deskQueueRoutes(deps: QueueRouteDeps): FastifyPluginAsync {
  const { storage, queueHub } = deps;
  const desk = async (raw: Parameters<typeof requireProtocol>[0]) => {
    requireProtocol(raw);
    return requireDesk(raw, storage);
  };
  return async (app) => {
    app.get('/queue/state', async (req) => {
      const { device } = await desk(req.raw);
      const config = await requireQueueConfig(storage, device.centerCode);
      return deskState(storage, config, device.centerCode, device.deskCode, deps.now());
    });

    app.post('/queue/commands', async (req): Promise<QueueCommandResult> => {
      const { device, actor } = await desk(req.raw);
      const command = checkedBody(QueueCommand, req.body);
      const config = await requireQueueConfig(storage, device.centerCode);
      const now = deps.now();
      const actorOf = { centerCode: device.centerCode, config, deskCode: device.deskCode, clerkId: actor, deviceId: device.id, now };
      const ticket = await runQueueCommand(storage, queueHub, actorOf, command);
      return { ticket, state: await deskState(storage, config, device.centerCode, device.deskCode, now) };
    });

    app.get('/queue/events', { sse: true }, async (req, reply) => {
      const { device } = await desk(req.raw);
      reply.sse.keepAlive();
      // Headers now, not at the first event: a client knows at once that it is subscribed.
      reply.sse.sendHeaders();
      const stop = queueHub.subscribeChanges(device.centerCode, (change) => {
        void reply.sse.send({ event: 'changed', data: change });
      });
      reply.sse.onClose(stop);
    });
  };
}
