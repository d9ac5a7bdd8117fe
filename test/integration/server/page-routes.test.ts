import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPages } from '../../../server/pages/build-pages';
import { pageRoutes } from '../../../server/pages/page-routes';
import type { ServerDeps } from '../../../server/http/server-deps';

/** Only what the pages' route group reads; the rest of ServerDeps is never touched by it. */
function deps(pagesDir: string | null): ServerDeps {
  return { pagesDir, now: () => new Date() } as ServerDeps;
}

async function serve(pagesDir: string | null): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify();
  await app.register(pageRoutes(deps(pagesDir)));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

describe('the pages’ routes', () => {
  let dir: string;
  let server: { app: FastifyInstance; url: string };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vikno-pages-'));
    await buildPages(dir);
    server = await serve(dir);
  });
  afterAll(async () => {
    await server.app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['kiosk', 'board', 'bookings'])('serves the %s page for a center under a CSP that allows only this server', async (name) => {
    const response = await fetch(`${server.url}/${name}/KV01`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("media-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    const html = await response.text();
    expect(html).toContain(`<script type="module" src="/assets/${name}.js"></script>`);
    expect(html).toContain('<html lang="uk">');
  });

  it('serves each page’s script and style, and the chime', async () => {
    for (const [file, type] of [
      ['kiosk.js', 'application/javascript'],
      ['board.css', 'text/css'],
      ['chime.wav', 'audio/wav'],
    ] as const) {
      const response = await fetch(`${server.url}/assets/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type'), file).toContain(type);
      expect((await response.arrayBuffer()).byteLength, file).toBeGreaterThan(100);
    }
  });

  it('knows no page for an address that is not a center code, nor files outside the assets', async () => {
    expect((await fetch(`${server.url}/kiosk/kv01`)).status).toBe(404);
    expect((await fetch(`${server.url}/board/ABCDEFGHI`)).status).toBe(404);
    expect((await fetch(`${server.url}/assets/../kiosk.html`)).status).toBe(404);
    expect((await fetch(`${server.url}/assets/nothing.js`)).status).toBe(404);
  });

  it('serves nothing when the server has no pages folder', async () => {
    const bare = await serve(null);
    try {
      expect((await fetch(`${bare.url}/kiosk/KV01`)).status).toBe(404);
      expect((await fetch(`${bare.url}/assets/kiosk.js`)).status).toBe(404);
    } finally {
      await bare.app.close();
    }
  });
});
