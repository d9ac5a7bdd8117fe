import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { CallFrame, MAX_FRAME_BYTES } from '../../../shared/rpc';
import type { Backend } from '../index';
import type { Logger } from '../log/logger';

export const WS_PATH = '/rpc';

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

/** Decides whether an upgrade may proceed: the right path, the launch token, a loopback origin. */
export function checkUpgrade(
  req: Pick<IncomingMessage, 'url' | 'headers'>,
  options: Pick<WebSocketTransportOptions, 'token' | 'allowedOrigins'>,
): { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string } {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== WS_PATH) return { ok: false, status: 404, reason: 'no such endpoint' };
  const origin = req.headers.origin;
  if (origin === undefined || !options.allowedOrigins.includes(origin)) {
    return { ok: false, status: 403, reason: `origin ${origin ?? '(none)'} is not allowed` };
  }
  if (!tokenMatches(url.searchParams.get('token'), options.token)) {
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  }
  return { ok: true };
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
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 404 ? 'Not Found' : verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
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
