/**
 * The hall board's routes (public; docs/ARCHITECTURE.md §6.8): the last calls from the stored
 * events (so a board that reconnects shows the same list), and a stream of each new call.
 */
import type { FastifyPluginAsync } from 'fastify';
import type {} from '@fastify/sse';
import type { BoardCall, BoardState } from '../../shared/queue-protocol';
import type { ServerDeps } from '../http/server-deps';
import type { ZodTypeProvider } from '../http/zod-schemas';
import type { Sql } from '../storage/storage';
import { toInt } from '../storage/storage';
import { requireQueueConfig } from './require-config';
import { CenterParams } from './center-params';
import { iso, windowOf } from './tickets';

const SHOWN = 10;

async function lastCalls(sql: Sql, centerCode: string): Promise<{ seq: unknown; number: string; desk_code: string | null; at: Date }[]> {
  return sql.query(
    `SELECT e.seq, t.number, e.desk_code, e.at FROM queue_events e JOIN queue_tickets t ON t.id = e.ticket_id
     WHERE e.center_code = $1 AND e.event IN ('called', 'recalled') ORDER BY e.seq DESC LIMIT ${SHOWN}`,
    [centerCode],
  );
}

export function boardRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { storage, queueHub } = deps;
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.get('/api/board/:center/state', { schema: { params: CenterParams } }, async (req): Promise<BoardState> => {
      const centerCode = req.params.center;
      const config = await requireQueueConfig(storage, centerCode);
      const calls: BoardCall[] = (await lastCalls(storage, centerCode)).map((row) => ({
        seq: toInt(row.seq),
        number: row.number,
        window: windowOf(config, row.desk_code) ?? '',
        at: iso(row.at),
      }));
      return { centerName: config.centerName ?? centerCode, calls };
    });

    app.get('/api/board/:center/events', { sse: true, schema: { params: CenterParams } }, async (req, reply) => {
      const centerCode = req.params.center;
      await requireQueueConfig(storage, centerCode);
      reply.sse.keepAlive();
      // Headers now, not at the first event: a client knows at once that it is subscribed.
      reply.sse.sendHeaders();
      // writeHead alone waits for the first write (the heartbeat, 30 s later) to reach the client.
      reply.raw.flushHeaders();
      const stop = queueHub.subscribeCalls(centerCode, (call) => {
        void reply.sse.send({ id: String(call.seq), event: 'call', data: call });
      });
      reply.sse.onClose(stop);
    });
  };
}
