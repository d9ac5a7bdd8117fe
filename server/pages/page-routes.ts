/**
 * The built kiosk, board and bookings pages (docs/ARCHITECTURE.md §8): `/kiosk/:center`,
 * `/board/:center`, `/bookings/:center` answer the page's HTML under a strict CSP, `/assets/*`
 * their scripts, styles and the chime, all from `deps.pagesDir` (dist/server/pages, written by
 * build-pages.ts). A server started without a pages folder serves none of it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { PlaceCode } from '../../shared/place-code';
import type { ServerDeps } from '../http/server-deps';
import { PAGES } from './build-pages';
import type { PageName } from './build-pages';
import { PAGE_CSP } from './page-csp';

export function pageRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    const dir = deps.pagesDir;
    if (dir === null) return;
    await app.register(fastifyStatic, {
      root: join(dir, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      // The bundles keep their names across builds: a kiosk left running must ask again after an update.
      cacheControl: false,
      setHeaders: (reply) => {
        reply.header('cache-control', 'no-cache');
        reply.header('x-content-type-options', 'nosniff');
      },
    });
    for (const name of Object.keys(PAGES) as PageName[]) {
      app.get<{ Params: { center: string } }>(`/${name}/:center`, async (request, reply) => {
        // No center has such a code: the page does not exist, answered as any unknown address is.
        if (!PlaceCode.safeParse(request.params.center).success) {
          reply.callNotFound();
          return reply;
        }
        const html = await readFile(join(dir, `${name}.html`), 'utf8');
        return reply
          .header('content-security-policy', PAGE_CSP)
          .header('x-content-type-options', 'nosniff')
          .header('referrer-policy', 'no-referrer')
          .header('cache-control', 'no-cache')
          .type('text/html; charset=utf-8')
          .send(html);
      });
    }
  };
}
