/**
 * A STAND-IN for the back office's queue routes (GET /queue/state, POST /queue/commands,
 * GET /queue/events, GET /queue/statistics), answering the protocol of shared/queue-protocol.ts
 * over real loopback HTTP from a small in-memory queue, until the real routes (branch i11-qs)
 * land. Everything else (/enroll, /sync, /blobs) is forwarded to the REAL back office, so
 * enrollment and the sync of queued ticket mutations are the real ones.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ticketEventResult } from '../../../shared/domain/ticket-status';
import type { TicketEvent } from '../../../shared/domain/ticket-status';
import { QUEUE_ERRORS, QueueCommand } from '../../../shared/queue-protocol';
import type { DeskQueueState, QueueCommandResult, QueueStatistics, QueueTicket } from '../../../shared/queue-protocol';

export interface StandInRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  protocol: string | undefined;
  body: unknown;
}

export interface QueueStandIn {
  url: string;
  readonly tickets: QueueTicket[];
  readonly requests: StandInRequest[];
  /** How many times each ticket was called (a lost answer retried must not call twice). */
  readonly calls: Map<string, number>;
  /** A kiosk ticket joins the queue; desks are told. */
  issue(number: string): QueueTicket;
  /** Another desk takes a ticket: the queue changes under this desk. */
  takeElsewhere(ticketId: string, status: 'called' | 'done'): void;
  /** Sends `changed` n times in one write. */
  burst(n: number): void;
  /** The next answer to a command is lost after the command is applied. */
  loseNextCommandAnswer(): void;
  /** Holds each /queue/state answer this long (a slow back office). */
  stateDelayMs: number;
  /** The back office goes away (port closed, every connection cut) … */
  stop(): Promise<void>;
  /** … and comes back on the same address. */
  start(): Promise<void>;
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const ACTION_EVENT: Record<string, TicketEvent> = {
  call: 'called',
  recall: 'recalled',
  arrived: 'arrived',
  no_show: 'no_show',
  park: 'parked',
  transfer: 'transferred',
  finish: 'service_ended',
};

export async function startQueueStandIn(upstream: string, desk: { deskCode: string; window: string }): Promise<QueueStandIn> {
  const tickets: QueueTicket[] = [];
  const requests: StandInRequest[] = [];
  const calls = new Map<string, number>();
  const answers = new Map<string, string>();
  const streams = new Set<ServerResponse>();
  let seq = 0;
  let paused = false;
  let loseAnswer = false;

  const now = () => new Date().toISOString();
  const state = (): DeskQueueState => ({
    deskCode: desk.deskCode,
    window: desk.window,
    paused,
    current: tickets.find((t) => t.deskCode === desk.deskCode && (t.status === 'called' || t.status === 'serving')) ?? null,
    waiting: tickets.filter((t) => t.status === 'waiting'),
    waitingTotal: tickets.filter((t) => t.status === 'waiting').length,
    parked: tickets.filter((t) => t.status === 'parked' && t.deskCode === desk.deskCode),
    queues: [{ code: 'A', nameUk: 'Паспорти', nameEn: 'Passports' }],
    desks: [{ deskCode: desk.deskCode, window: desk.window }],
    recallsBeforeNoShow: 1,
    localPrefix: 'Л',
    serverTime: now(),
  });
  const changed = (n = 1) => {
    const frame = Array.from({ length: n }, () => `event: changed\ndata: ${JSON.stringify({ seq: ++seq, at: now() })}\n\n`).join('');
    for (const stream of streams) stream.write(frame);
  };
  const send = (res: ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  };
  const refuse = (code: string, message: string) => ({ status: 409, value: { error: { code, message } } });

  function move(ticket: QueueTicket, event: TicketEvent): void {
    const to = ticketEventResult(ticket.status, event)!;
    Object.assign(ticket, { status: to });
    if (event === 'called') {
      Object.assign(ticket, { deskCode: desk.deskCode, window: desk.window, calledAt: now(), recalls: 0 });
      calls.set(ticket.id, (calls.get(ticket.id) ?? 0) + 1);
    }
  }

  function command(input: QueueCommand): { status: number; value: unknown } {
    const { command: action } = input;
    let ticket: QueueTicket | null = null;
    if (action.action === 'pause' || action.action === 'resume') paused = action.action === 'pause';
    else if (action.action === 'call_next') {
      ticket = tickets.find((t) => t.status === 'waiting') ?? null;
      if (!ticket) return refuse(QUEUE_ERRORS.nothingWaiting, 'Nobody waits');
      move(ticket, 'called');
    } else if (action.action === 'walk_in') {
      ticket = { ...kioskTicket(`В${tickets.length + 1}`), status: 'serving', deskCode: desk.deskCode, window: desk.window };
      tickets.push(ticket);
    } else {
      ticket = tickets.find((t) => t.id === action.ticketId) ?? null;
      if (!ticket) return { status: 404, value: { error: { code: QUEUE_ERRORS.ticketNotFound, message: 'No such ticket' } } };
      const event = ACTION_EVENT[action.action]!;
      if (ticketEventResult(ticket.status, event) === null)
        return refuse(event === 'called' ? QUEUE_ERRORS.alreadyCalled : QUEUE_ERRORS.notAllowed, `The ticket is ${ticket.status}`);
      move(ticket, event);
    }
    const result: QueueCommandResult = { ticket, state: state() };
    return { status: 200, value: result };
  }

  function kioskTicket(number: string): QueueTicket {
    return {
      id: `t-${number}-${Math.random().toString(36).slice(2, 8)}`,
      number,
      queueCode: 'A',
      serviceCode: 'MS-01',
      purpose: 'submit',
      priorityCategory: null,
      priorityReason: null,
      booking: null,
      status: 'waiting',
      deskCode: null,
      window: null,
      targetDeskCode: null,
      note: null,
      regNumber: null,
      local: false,
      issuedAt: now(),
      calledAt: null,
      recalls: 0,
    };
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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await body(req);
    const path = new URL(req.url!, 'http://x').pathname;
    const text = raw.toString('utf8');
    requests.push({
      method: req.method!,
      path,
      authorization: req.headers.authorization,
      protocol: req.headers['x-vikno-protocol'] as string | undefined,
      body: text ? (JSON.parse(text) as unknown) : null,
    });
    if (!path.startsWith('/queue/')) return forward(req, res, raw);
    if (!req.headers.authorization?.startsWith('Bearer ') || !req.headers['x-vikno-protocol'])
      return send(res, 401, { error: { code: 'unauthorized', message: 'no device token' } });
    if (path === '/queue/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': connected\n\n');
      streams.add(res);
      res.on('close', () => streams.delete(res));
      return;
    }
    if (path === '/queue/state') {
      await new Promise((resolve) => setTimeout(resolve, standIn.stateDelayMs));
      return send(res, 200, state());
    }
    if (path === '/queue/statistics') {
      const row = { key: 'all', tickets: tickets.length, served: tickets.filter((t) => t.status === 'done').length, noShows: 0 };
      const times = { count: 0, avgSeconds: null, p90Seconds: null };
      const url = new URL(req.url!, 'http://x');
      const statistics: QueueStatistics = {
        from: url.searchParams.get('from')!,
        to: url.searchParams.get('to')!,
        total: { ...row, waiting: times, service: times },
        byQueue: [],
        byService: [],
        byDesk: [],
        byClerk: [],
        byHour: [],
        byPurpose: [],
      };
      return send(res, 200, statistics);
    }
    if (path === '/queue/commands' && req.method === 'POST') {
      const input = QueueCommand.parse(JSON.parse(text));
      // A repeated commandId gets the first answer: the command is never applied twice.
      const first = answers.get(input.commandId);
      const answer = first ? (JSON.parse(first) as { status: number; value: unknown }) : command(input);
      if (!first) answers.set(input.commandId, JSON.stringify(answer));
      if (answer.status === 200) changed();
      if (loseAnswer) {
        loseAnswer = false;
        req.socket.destroy();
        return;
      }
      return send(res, answer.status, answer.value);
    }
    send(res, 404, { error: { code: 'not_found', message: path } });
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
    tickets,
    requests,
    calls,
    stateDelayMs: 0,
    issue(number) {
      const ticket = kioskTicket(number);
      tickets.push(ticket);
      changed();
      return ticket;
    },
    takeElsewhere(ticketId, status) {
      Object.assign(
        tickets.find((t) => t.id === ticketId)!,
        { status, deskCode: '99', window: '99' },
      );
      changed();
    },
    burst: (n) => changed(n),
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
