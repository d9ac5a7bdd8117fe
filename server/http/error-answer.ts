import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { CURSOR_AHEAD } from '../../shared/sync-protocol';
import { CursorExpired } from '../sync/pull';
import { HttpError } from './http-error';

/** Fastify's own refusals, in the codes desks and tests already know from the hand-written router. */
const FASTIFY_CODES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_BAD_URL: 'bad_url',
};

/** Every failure as an ErrorResponse `{"error": {"code", "message"}}` with its status. */
export function errorAnswer(error: unknown, request: FastifyRequest): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof CursorExpired) {
    // `cursor_ahead`: this server holds less than the desk has seen (restored from a backup),
    // so the desk also sends again what it had delivered (see docs/SYNC.md § Pull).
    return new HttpError(410, error.ahead ? CURSOR_AHEAD : 'cursor_expired', error.message);
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new HttpError(413, 'body_too_large', `The body is larger than ${request.routeOptions.bodyLimit} bytes`);
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return new HttpError(status, FASTIFY_CODES[fastifyError.code ?? ''] ?? 'bad_request', fastifyError.message ?? 'Bad request');
  }
  // To the server's log when it has one (Fastify's stand-in without one has no level): never the request's body.
  if (!request.log.level || request.log.level === 'silent') console.error('Request failed:', error);
  else request.log.error({ err: error }, 'Request failed');
  return new HttpError(500, 'internal', 'The server failed to handle the request');
}

export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  // A refused upload must not be read to its end; closing tells the client to stop sending.
  if (error.status === 413) reply.header('connection', 'close');
  return reply
    .code(error.status)
    .headers(error.headers)
    .type('application/json; charset=utf-8')
    .send({ error: { code: error.code, message: error.message } });
}
