import { join } from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySse from '@fastify/sse';
import type { SSEReplyInterface } from '@fastify/sse';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, HTTPMethods } from 'fastify';
import { errorAnswer, sendError } from './error-answer';
import { HttpError } from './http-error';
import { ROUTE_GROUPS } from './route-groups';
import type { ServerDeps } from './server-deps';
import { zodValidatorCompiler } from './zod-schemas';

const METHODS: readonly HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The certificate (chain) and key, PEM, when the server speaks HTTPS (http/tls-files.ts checked them). */
export interface HttpsFiles {
  cert: Buffer;
  key: Buffer;
}

/**
 * Fastify over HTTP, or over HTTPS when given a certificate. The routes never touch the raw
 * server, so the HTTPS instance is typed as the HTTP one they are written against: an https.Server
 * hands them the same requests and replies.
 */
function fastifyOver(https: HttpsFiles | null, log: FastifyBaseLogger | undefined): FastifyInstance {
  // No HEAD twins of GET routes: a HEAD answers only where a route says what it means (blobs).
  const options = { ...(log ? { loggerInstance: log } : { logger: false }), exposeHeadRoutes: false } as const;
  if (https === null) return Fastify(options);
  return Fastify({ ...options, https: { cert: https.cert, key: https.key } }) as unknown as FastifyInstance;
}

/**
 * The back office's HTTP server (docs/ARCHITECTURE.md §8): Fastify with the route groups of
 * route-groups.ts, JSON in and out, every failure as an ErrorResponse. Not listening yet.
 */
export async function buildServer(deps: ServerDeps, https: HttpsFiles | null = null): Promise<FastifyInstance> {
  const app = fastifyOver(https, deps.log);
  app.setValidatorCompiler(zodValidatorCompiler);
  // Bodies are read as text whatever their content type (desks have never sent one); each route's
  // body schema parses the JSON (zod-schemas.ts), and routes that read a stream register their own.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error, request, reply) => sendError(reply, errorAnswer(error, request)));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '/';
    // A route that found nothing (a missing asset) is a 404; a path only other methods serve is a 405.
    const known =
      app.findRoute({ method: request.method, url: path }) === null &&
      METHODS.some((method) => app.findRoute({ method, url: path }) !== null);
    const message = `${request.method} ${path} is not served here`;
    return sendError(reply, known ? new HttpError(405, 'method_not_allowed', message) : new HttpError(404, 'not_found', message));
  });
  closeStreamsOnClose(app);

  // Off unless a route opts in with `config: { rateLimit: {...} }` (enrollment, the kiosk).
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'rate_limited', `Too many requests; retry in ${context.after}`, {
        'retry-after': String(Math.ceil(context.ttl / 1000)),
      }),
  });
  await app.register(fastifySse);
  if (deps.pagesDir !== null) {
    await app.register(fastifyStatic, {
      root: join(deps.pagesDir, 'assets'),
      prefix: '/assets/',
      index: false,
      // The bundles keep their names across builds: a kiosk left running must ask again after an update.
      cacheControl: false,
      setHeaders: (reply) => {
        reply.header('cache-control', 'no-cache');
        reply.header('x-content-type-options', 'nosniff');
      },
    });
  }
  for (const group of ROUTE_GROUPS) await app.register(group(deps));
  return app;
}

/**
 * An event stream never ends by itself, so Fastify's close() would wait on every board and desk
 * subscribed: end them first (their onClose callbacks unsubscribe); requests in flight still finish.
 */
function closeStreamsOnClose(app: FastifyInstance): void {
  const open = new Set<FastifyReply>();
  app.addHook('onRequest', async (_request, reply) => {
    open.add(reply);
    reply.raw.once('close', () => open.delete(reply));
  });
  app.addHook('preClose', async () => {
    for (const reply of open) {
      const stream = reply.sse as SSEReplyInterface | undefined;
      if (!stream) continue;
      stream.close();
      if (!reply.raw.writableEnded) reply.raw.end();
    }
  });
}
