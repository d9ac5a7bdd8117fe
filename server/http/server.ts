import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { StatisticsKeeper } from '../storage/statistics';
import type { Storage } from '../storage/storage';
import { CURSOR_AHEAD } from '../../shared/sync-protocol';
import { CursorExpired } from '../sync/pull';
import { HttpError } from './http-error';
import { Reply } from './reply';
import { routePath, routes } from './routes';
import type { BlobOptions } from '../blobs/blob-routes';

function send(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  send(res, status, { error: { code, message } }, headers);
}

/** The back office's HTTP server: JSON in and out, every failure as an ErrorResponse. */
export function createHttpServer(
  storage: Storage,
  blobs: BlobOptions,
  adminToken: string | null,
  statistics: Pick<StatisticsKeeper, 'written'> | null = null,
): Server {
  const table = routes(storage, blobs, adminToken, statistics);
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = routePath(url.pathname);
    const handler = table.get(`${req.method ?? 'GET'} ${path}`);
    if (!handler) {
      const known = [...table.keys()].some((key) => key.endsWith(` ${path}`));
      sendError(
        res,
        known ? 405 : 404,
        known ? 'method_not_allowed' : 'not_found',
        `${req.method ?? ''} ${url.pathname} is not served here`,
      );
      return;
    }
    handler(req, url).then(
      (body) => (body instanceof Reply ? send(res, body.status, body.body, body.headers) : send(res, 200, body)),
      (error: unknown) => {
        if (error instanceof HttpError) {
          // A refused upload must not be read to its end; closing tells the client to stop sending.
          if (error.status === 413) res.setHeader('connection', 'close');
          sendError(res, error.status, error.code, error.message, error.headers);
        } else if (error instanceof CursorExpired) {
          // `cursor_ahead`: this server holds less than the desk has seen (restored from a backup),
          // so the desk also sends again what it had delivered (see docs/SYNC.md § Pull).
          sendError(res, 410, error.ahead ? CURSOR_AHEAD : 'cursor_expired', error.message);
        } else {
          console.error('Request failed:', error);
          sendError(res, 500, 'internal', 'The server failed to handle the request');
        }
      },
    );
  });
}
