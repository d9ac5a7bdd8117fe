/**
 * The built kiosk, board and bookings pages (docs/ARCHITECTURE.md §8): `/kiosk/:center`,
 * `/board/:center`, `/bookings/:center` answer the page's HTML from `deps.pagesDir`
 * (dist/server/pages, written by build-pages.ts) under a strict CSP; their scripts, styles and
 * the chime are its `assets/`, which the server serves under `/assets/` (http/server.ts). A server
 * started without a pages folder serves none of it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { PlaceCode } from '../../shared/place-code';
import type { ServerDeps } from '../http/server-deps';
import { PAGE_NAMES } from './page-names';
import { PAGE_CSP } from './page-csp';

export function pageRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    const dir = deps.pagesDir;
    if (dir === null) return;
    for (const name of PAGE_NAMES) {
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
