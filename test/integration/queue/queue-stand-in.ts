/**
 * A STAND-IN for the back office's desk queue routes (GET /queue/state, POST /queue/commands,
 * GET /queue/events, GET /queue/statistics) until i11-qs registers them on the Fastify server:
 * a loopback HTTP shim over the REAL queue core (deskState, runQueueCommand, the hub,
 * loadQueueStatistics) on the real back office's storage, with the real device-token check.
 * Everything else (/enroll, /sync, /blobs) is forwarded to the real back office. It can also
 * stop and start on the same address (the back office going away and coming back), and lose a
 * command's answer after the command committed.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { QueueConfig } from '../../../shared/domain/queue-config';
import { QueueCommand } from '../../../shared/queue-protocol';
import type { QueueCommandResult, QueueTicket } from '../../../shared/queue-protocol';
import { HttpError } from '../../../server/http/http-error';
import { requireDesk, requireProtocol } from '../../../server/http/sync-headers';
import { runQueueCommand } from '../../../server/queue/commands';
import { deskState } from '../../../server/queue/desk-state';
import { QueueHub } from '../../../server/queue/hub';
import { loadQueueStatistics } from '../../../server/queue/statistics';
import { issueTicket } from '../../../server/queue/tickets';
import type { Storage } from '../../../server/storage/storage';

export interface StandInRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface QueueStandIn {
  url: string;
  readonly requests: StandInRequest[];
  /** A citizen takes a ticket at the kiosk (the real issueTicket); desks are told. */
  issue(serviceCode: string): Promise<QueueTicket>;
  /** Another desk acts through the real command path (call, arrived, finish …). */
  actElsewhere(deskCode: string, command: QueueCommand['command']): Promise<void>;
  /** Sends `changed` n times at once, as a busy hall would. */
  burst(n: number): void;
  /** The next command is applied, then its answer is lost (the socket is cut). */
  loseNextCommandAnswer(): void;
  /** Holds each /queue/state answer this long (a slow back office). */
  stateDelayMs: number;
  /** The back office goes away (port closed, every connection cut) … */
  stop(): Promise<void>;
  /** … and comes back on the same address. */
  start(): Promise<void>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startQueueStandIn(upstream: string, storage: Storage, config: QueueConfig): Promise<QueueStandIn> {
  const center = config.centerCode;
  const hub = new QueueHub();
  const requests: StandInRequest[] = [];
  const streams = new Set<ServerResponse>();
  let seq = 0;
  let loseAnswer = false;

  const send = (res: ServerResponse, status: number, value: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  };
  const changedFrame = () => `event: changed\ndata: ${JSON.stringify({ seq: ++seq, at: new Date().toISOString() })}\n\n`;
  hub.subscribeChanges(center, () => {
    for (const stream of streams) stream.write(changedFrame());
  });

  async function forward(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)),
    ) as Record<string, string>;
    const answer = await fetch(new URL(req.url!, upstream), {
      method: req.method!,
      headers,
      ...(raw.length > 0 ? { body: new Uint8Array(raw) } : {}),
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  }

  async function queueRoute(req: IncomingMessage, res: ServerResponse, path: string, text: string): Promise<void> {
    requireProtocol(req);
    const { device, actor } = await requireDesk(req, storage);
    const now = new Date();
    if (path === '/queue/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': connected\n\n');
      streams.add(res);
      res.on('close', () => streams.delete(res));
      return;
    }
    if (path === '/queue/state') {
      await new Promise((resolve) => setTimeout(resolve, standIn.stateDelayMs));
      return send(res, 200, await deskState(storage, config, center, device.deskCode, now));
    }
    if (path === '/queue/statistics') {
      const url = new URL(req.url!, 'http://x');
      return send(
        res,
        200,
        await loadQueueStatistics(storage, center, new Date(url.searchParams.get('from')!), new Date(url.searchParams.get('to')!)),
      );
    }
    if (path === '/queue/commands' && req.method === 'POST') {
      const command = QueueCommand.parse(JSON.parse(text));
      const actorOf = { centerCode: center, config, deskCode: device.deskCode, clerkId: actor, now, deviceId: device.id };
      const ticket = await runQueueCommand(storage, hub, actorOf, command);
      const result: QueueCommandResult = { ticket, state: await deskState(storage, config, center, device.deskCode, now) };
      if (loseAnswer) {
        loseAnswer = false;
        req.socket.destroy();
        return;
      }
      return send(res, 200, result);
    }
    throw new HttpError(404, 'not_found', path);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url!, 'http://x').pathname;
    const text = raw.toString('utf8');
    requests.push({
      method: req.method!,
      path,
      authorization: req.headers.authorization,
      body: text ? (JSON.parse(text) as unknown) : null,
    });
    if (!path.startsWith('/queue/')) return forward(req, res, raw);
    try {
      await queueRoute(req, res, path, text);
    } catch (error) {
      if (error instanceof HttpError) return send(res, error.status, { error: { code: error.code, message: error.message } });
      throw error;
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: { code: 'internal', message: String(error) } }));
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const stop = async () => {
    for (const stream of streams) stream.destroy();
    streams.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  const standIn: QueueStandIn = {
    url: `http://127.0.0.1:${port}/`,
    requests,
    stateDelayMs: 0,
    async issue(serviceCode) {
      const ticket = await storage.transaction((tx) =>
        issueTicket(tx, { centerCode: center, config, serviceCode, purpose: 'submit', now: new Date() }),
      );
      hub.changed(center);
      return ticket;
    },
    async actElsewhere(deskCode, command) {
      const [device] = await storage.query<{ id: string }>('SELECT id FROM devices LIMIT 1');
      await runQueueCommand(
        storage,
        hub,
        { centerCode: center, config, deskCode, clerkId: 'clerk-elsewhere', now: new Date(), deviceId: device!.id },
        { commandId: crypto.randomUUID(), command },
      );
    },
    burst(n) {
      const frames = Array.from({ length: n }, changedFrame).join('');
      for (const stream of streams) stream.write(frames);
    },
    loseNextCommandAnswer() {
      loseAnswer = true;
    },
    stop,
    start: () => listen(port),
    close: async () => {
      if (server.listening) await stop();
    },
  };
  return standIn;
}
