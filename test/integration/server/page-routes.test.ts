import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/app';
import type { RunningServer } from '../../../server/app';
import { buildPages } from '../../../server/pages/build-pages';
import { createStorage } from '../../../server/storage/create-storage';

/** The back office as main.ts starts it, on a PGlite folder, with or without built pages. */
async function serve(dir: string, pagesDir: string | null): Promise<RunningServer> {
  const storage = await createStorage({ databaseUrl: undefined, dataDir: join(dir, pagesDir ? 'pglite' : 'pglite-bare') });
  return startServer(storage, '127.0.0.1', 0, { dir: join(dir, 'blobs'), maxBytes: 1024 }, null, { pagesDir });
}

describe('the pages’ routes', () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vikno-pages-'));
    await buildPages(join(dir, 'pages'));
    server = await serve(dir, join(dir, 'pages'));
  });
  afterAll(async () => {
    await server?.close();
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
      ['board.js', 'application/javascript'],
      ['bookings.js', 'application/javascript'],
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
    for (const path of ['/kiosk/kv01', '/board/ABCDEFGHI', '/assets/..%2Fkiosk.html', '/assets/nothing.js']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code, path).toBe('not_found');
    }
  });

  it('serves nothing when the server has no pages folder', async () => {
    const bare = await serve(dir, null);
    try {
      expect((await fetch(`${bare.url}/kiosk/KV01`)).status).toBe(404);
      expect((await fetch(`${bare.url}/assets/kiosk.js`)).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
