/**
 * A loopback HTTP proxy that injects faults between a desk and the back office: drops, delays,
 * answers lost after the server committed, duplicated requests and 500s. Bodies are buffered,
 * so each request reaches the upstream whole or not at all.
 */
import { request as httpRequest, createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultKind =
  /** Forward unchanged. */
  | 'pass'
  /** Destroy the client's socket without contacting the upstream. */
  | 'drop'
  /** Forward, then destroy the client's socket instead of answering: the response is lost. */
  | 'resetAfterUpstream'
  /** Send the request to the upstream twice at once; answer with the first reply. */
  | 'duplicate'
  /** Answer 500 without forwarding. */
  | 'error500'
  /** Forward, then answer 500 whatever the upstream said. */
  | 'error500AfterUpstream'
  /**
   * Answer 503 with a Retry-After of `retryAfterS` without forwarding: a desk keeps its queue and
   * does not come back on its own before then (only a new change or sync.now sends it again).
   */
  | 'busy';

export interface FaultMode {
  kind: FaultKind | 'delay';
  /** For `delay`: how long to hold the request before forwarding it. */
  ms?: number;
  /** Applies to this many matching requests, then the proxy goes back to `pass`; unlimited when absent. */
  times?: number;
  /** Applies only to requests whose path starts with this (e.g. `/sync/push`); others pass. */
  path?: string;
  /** For `busy`: the seconds the answer asks the desk to wait (300 unless given: longer than any test). */
  retryAfterS?: number;
}

/** The routes a desk uses: its pushes, its pulls, its scan uploads. */
export type SyncPath = '/sync/push' | '/sync/pull' | '/blobs';

/**
 * Which half of an exchange the network loses: the request (the server never sees it) or the
 * response (the server committed, the desk does not know).
 */
export type LostHalf = 'request' | 'response';

/** One request or response lost on `path`, for the next `times` matching requests. */
export function lost(path: SyncPath, half: LostHalf, times = 1): FaultMode {
  return { kind: half === 'request' ? 'drop' : 'resetAfterUpstream', path, times };
}

export interface RecordedRequest {
  method: string;
  path: string;
  fault: FaultMode['kind'];
}

export interface FaultProxy {
  url: string;
  /** Sets the fault for the next requests (see FaultMode); `pass` clears it. */
  setMode(mode: FaultKind | FaultMode): void;
  /** Every request the proxy received, in arrival order. */
  readonly log: readonly RecordedRequest[];
  /** How many requests the proxy received. */
  readonly requests: number;
  close(): Promise<void>;
}

interface UpstreamReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host === '[::1]';
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function cleanHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  if (!isLoopback(target.hostname)) throw new Error(`The fault proxy forwards only to loopback, not ${target.hostname}`);
  let mode: FaultMode = { kind: 'pass' };
  let left = Infinity;
  const log: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  function forward(method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<UpstreamReply> {
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method,
          path,
          headers: { ...cleanHeaders(headers), host: target.host, 'content-length': String(body.length), connection: 'close' },
          agent: false,
        },
        (res) => {
          readBody(res).then((buf) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: buf }), reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  function answer(res: ServerResponse, reply: UpstreamReply): void {
    const headers = cleanHeaders(reply.headers);
    res.writeHead(reply.status, { ...headers, 'content-length': String(reply.body.length) });
    res.end(reply.body);
  }

  function error500(res: ServerResponse): void {
    const body = JSON.stringify({ error: { code: 'injected', message: 'fault proxy: injected 500' } });
    res.writeHead(500, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  }

  function busy(res: ServerResponse, retryAfterS: number): void {
    const body = JSON.stringify({ error: { code: 'injected', message: 'fault proxy: busy, come back later' } });
    res.writeHead(503, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'retry-after': String(retryAfterS),
    });
    res.end(body);
  }

  /** The fault for this request, consuming one of its `times`. */
  function faultFor(path: string): FaultMode {
    if (mode.kind === 'pass' || left <= 0) return { kind: 'pass' };
    if (mode.path !== undefined && !path.startsWith(mode.path)) return { kind: 'pass' };
    const current = mode;
    left -= 1;
    if (left <= 0) {
      mode = { kind: 'pass' };
      left = Infinity;
    }
    return current;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const body = await readBody(req);
    const fault = faultFor(path);
    log.push({ method, path, fault: fault.kind });
    switch (fault.kind) {
      case 'pass':
        return answer(res, await forward(method, path, req.headers, body));
      case 'drop':
        req.socket.destroy();
        return;
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 0));
        return answer(res, await forward(method, path, req.headers, body));
      case 'resetAfterUpstream':
        await forward(method, path, req.headers, body);
        req.socket.destroy();
        return;
      case 'duplicate': {
        const first = forward(method, path, req.headers, body);
        const second = forward(method, path, req.headers, body);
        const reply = await Promise.race([first, second]);
        // The slower copy must still finish before the test looks at the server.
        await Promise.allSettled([first, second]);
        return answer(res, reply);
      }
      case 'error500':
        return error500(res);
      case 'error500AfterUpstream':
        await forward(method, path, req.headers, body);
        return error500(res);
      case 'busy':
        return busy(res, fault.retryAfterS ?? 300);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`fault proxy: ${(error as Error).message}`);
      } else {
        res.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    setMode(next) {
      mode = typeof next === 'string' ? { kind: next } : next;
      left = typeof next === 'string' || next.times === undefined ? Infinity : next.times;
    },
    log,
    get requests() {
      return log.length;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
