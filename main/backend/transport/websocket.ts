import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { CallFrame, MAX_FRAME_BYTES } from '../../../shared/rpc';
import type { Backend } from '../index';
import type { Logger } from '../log/logger';

export const WS_PATH = '/rpc';
/**
 * Where the browser client asks, after its socket was refused, whether its launch token is still
 * the host's: a refused upgrade reaches a browser only as a closed socket, the same as a host that
 * is down, and only this answer tells "retry later" from "this link will never work again".
 */
export const LINK_PATH = '/rpc/link';

/** Close codes the browser client understands (RFC 6455 §7.4.1). */
export const CLOSE_MALFORMED = 1008;
export const CLOSE_GOING_AWAY = 1001;

export interface WebSocketTransportOptions {
  token: string;
  /** Exact `Origin` values allowed, e.g. `http://127.0.0.1:5710`. */
  allowedOrigins: readonly string[];
  logger: Logger;
}

function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

type Verdict = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };

/** A loopback origin and the launch token: what both the upgrade and the link check demand. */
function checkCaller(
  origin: string | undefined,
  token: string | null,
  options: Pick<WebSocketTransportOptions, 'token' | 'allowedOrigins'>,
): Verdict {
  if (origin === undefined || !options.allowedOrigins.includes(origin)) {
    return { ok: false, status: 403, reason: `origin ${origin ?? '(none)'} is not allowed` };
  }
  if (!tokenMatches(token, options.token)) return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}

/** Decides whether an upgrade may proceed: the right path, the launch token, a loopback origin. */
export function checkUpgrade(
  req: Pick<IncomingMessage, 'url' | 'headers'>,
  options: Pick<WebSocketTransportOptions, 'token' | 'allowedOrigins'>,
): Verdict {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== WS_PATH) return { ok: false, status: 404, reason: 'no such endpoint' };
  return checkCaller(req.headers.origin, url.searchParams.get('token'), options);
}

export function isLinkCheck(req: Pick<IncomingMessage, 'url'>): boolean {
  return new URL(req.url ?? '/', 'http://localhost').pathname === LINK_PATH;
}

/**
 * Answers the link check: 204 while the token (a Bearer header, so it never sits in a URL) is the
 * launch token, 401 once it is not. POST, because browsers send `Origin` on a same-origin POST and
 * not on a GET: the check is as strict about the caller as the upgrade.
 */
export function answerLinkCheck(
  req: Pick<IncomingMessage, 'method' | 'headers'>,
  res: Pick<ServerResponse, 'writeHead' | 'end'>,
  options: Pick<WebSocketTransportOptions, 'token' | 'allowedOrigins'>,
): void {
  const headers = { 'Cache-Control': 'no-store' };
  if (req.method !== 'POST') {
    res.writeHead(405, { ...headers, Allow: 'POST' }).end();
    return;
  }
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const verdict = checkCaller(req.headers.origin, bearer?.[1] ?? null, options);
  res.writeHead(verdict.ok ? 204 : verdict.status, headers).end();
}

function parseFrame(data: RawData, isBinary: boolean): CallFrame | null {
  if (isBinary) return null;
  try {
    const parsed = CallFrame.safeParse(JSON.parse(data.toString()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The browser host's transport: the contract over a WebSocket on the host's own HTTP server.
 * A malformed frame closes that one socket; the host and other sockets carry on.
 */
export function attachWebSocket(server: Server, backend: Backend, options: WebSocketTransportOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const verdict = checkUpgrade(req, options);
    if (!verdict.ok) {
      options.logger.log('warn', 'WebSocket refused', { reason: verdict.reason, origin: req.headers.origin });
      socket.end(
        `HTTP/1.1 ${verdict.status} ${verdict.status === 404 ? 'Not Found' : verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket): void {
    const connection = backend.connect((frame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    });
    ws.on('message', (data, isBinary) => {
      const frame = parseFrame(data, isBinary);
      if (!frame) {
        options.logger.log('warn', 'Malformed frame; closing the socket');
        ws.close(CLOSE_MALFORMED, 'malformed frame');
        return;
      }
      connection.receive(frame);
    });
    // ws closes the socket itself on protocol errors (e.g. a frame over maxPayload → 1009).
    ws.on('error', (error) => options.logger.log('warn', 'WebSocket error', { error: error.message }));
    ws.on('close', () => connection.close());
  }

  return {
    /** Closes every socket; the backend itself is closed by the host. */
    close(): Promise<void> {
      for (const ws of wss.clients) ws.close(CLOSE_GOING_AWAY, 'host shutting down');
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
