/**
 * The desk's way to the back office in these tests: a loopback front that passes every request to
 * the REAL back office (its queue routes, /enroll, /sync …) and can do what a network does to a
 * desk: stop and start on the same address (the back office going away and coming back), hold
 * state reads, and lose a command's answer after the command committed. Kiosk tickets and other
 * desks' actions go through the real queue code and the server's own live hub.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { QueueConfig } from '../../../shared/domain/queue-config';
import type { QueueCommand, QueueTicket } from '../../../shared/queue-protocol';
import { runQueueCommand } from '../../../server/queue/commands';
import { issueTicket } from '../../../server/queue/tickets';
import type { Storage } from '../../../server/storage/storage';
import type { QueueHub } from '../../../server/queue/hub';

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

export async function startQueueStandIn(upstream: string, storage: Storage, config: QueueConfig, hub: QueueHub): Promise<QueueStandIn> {
  const center = config.centerCode;
  const requests: StandInRequest[] = [];
  const streams = new Set<ServerResponse>();
  let loseAnswer = false;

  const send = (res: ServerResponse, status: number, value: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  };

  /** Streams the request to the back office and its answer back (event streams included); `lose` cuts the desk off instead of answering. */
  function toQueueRoutes(req: IncomingMessage, res: ServerResponse, raw: Buffer, lose: boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const target = new URL(req.url!, upstream);
      const out = httpRequest(target, { method: req.method!, headers: { ...req.headers, host: target.host } }, (answer) => {
        if (lose) {
          answer.resume();
          answer.on('end', () => {
            req.socket.destroy();
            resolve();
          });
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (String(answer.headers['content-type']).startsWith('text/event-stream')) {
          // As the back office does: the desk knows it is subscribed now, not at the first event.
          res.flushHeaders();
          streams.add(res);
          res.on('close', () => {
            streams.delete(res);
            answer.destroy();
          });
        }
        answer.pipe(res);
        answer.on('end', () => resolve());
        answer.on('error', () => resolve());
      });
      out.on('error', reject);
      out.end(raw);
    });
  }

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

  async function queueRoute(req: IncomingMessage, res: ServerResponse, path: string, raw: Buffer): Promise<void> {
    if (path === '/queue/state') await new Promise((resolve) => setTimeout(resolve, standIn.stateDelayMs));
    const lose = path === '/queue/commands' && loseAnswer;
    if (lose) loseAnswer = false;
    return toQueueRoutes(req, res, raw, lose);
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
    await queueRoute(req, res, path, raw);
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
      for (let i = 0; i < n; i += 1) hub.changed(center);
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
