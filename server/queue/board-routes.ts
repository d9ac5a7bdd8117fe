/**
 * The hall board's routes (public; docs/ARCHITECTURE.md §6.8): the last calls from the stored
 * events (so a board that reconnects shows the same list), and a stream of each new call.
 */
import type { FastifyPluginAsync } from 'fastify';
import type {} from '@fastify/sse';
import type { BoardCall, BoardState } from '../../shared/queue-protocol';
import type { Sql } from '../storage/storage';
import { toInt } from '../storage/storage';
import { requireQueueConfig } from './require-config';
import type { QueueRouteDeps } from './route-deps';
import { centerParam } from './route-deps';
import { iso, windowOf } from './tickets';

const SHOWN = 10;

async function lastCalls(sql: Sql, centerCode: string): Promise<{ seq: unknown; number: string; desk_code: string | null; at: Date }[]> {
  return sql.query(
    `SELECT e.seq, t.number, e.desk_code, e.at FROM queue_events e JOIN queue_tickets t ON t.id = e.ticket_id
     WHERE e.center_code = $1 AND e.event IN ('called', 'recalled') ORDER BY e.seq DESC LIMIT ${SHOWN}`,
    [centerCode],
  );
}

export function boardRoutes(deps: QueueRouteDeps): FastifyPluginAsync {
  const { storage, queueHub } = deps;
  return async (app) => {
    app.get('/api/board/:center/state', async (req): Promise<BoardState> => {
      const centerCode = centerParam(req.params);
      const config = await requireQueueConfig(storage, centerCode);
      const calls: BoardCall[] = (await lastCalls(storage, centerCode)).map((row) => ({
        seq: toInt(row.seq),
        number: row.number,
        window: windowOf(config, row.desk_code) ?? '',
        at: iso(row.at),
      }));
      return { centerName: centerCode, calls };
    });

    app.get('/api/board/:center/events', { sse: true }, async (req, reply) => {
      const centerCode = centerParam(req.params);
      await requireQueueConfig(storage, centerCode);
      reply.sse.keepAlive();
      // Headers now, not at the first event: a client knows at once that it is subscribed.
      reply.sse.sendHeaders();
      const stop = queueHub.subscribeCalls(centerCode, (call) => {
        void reply.sse.send({ id: String(call.seq), event: 'call', data: call });
      });
      reply.sse.onClose(stop);
    });
  };
}
