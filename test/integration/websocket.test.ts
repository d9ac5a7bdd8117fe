import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Handlers, MethodSpec } from '../../shared/contract';
import { createConnections } from '../../main/backend/connections';
import { createDispatcher } from '../../main/backend/dispatch';
import type { CallContext } from '../../main/backend/dispatch';
import type { Backend } from '../../main/backend/index';
import { startBrowserHost } from '../../main/backend/transport/browser-host-server';
import type { BrowserHost } from '../../main/backend/transport/browser-host-server';
import { attachWebSocket } from '../../main/backend/transport/websocket';
import { migrations } from '../../main/backend/db/migrations/registry';
import { latestVersion } from '../../main/backend/db/migrate';
import { memoryLogger } from '../helpers/memory-logger';
import { useTempDirs } from '../helpers/temp-dir';
import { callOver, closed, nextMessage, openSocket } from '../helpers/ws-client';

const tempDir = useTempDirs();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startHost(): Promise<BrowserHost & { dataDir: string; origin: string; wsUrl: (token?: string) => string }> {
  const dataDir = join(tempDir(), 'data');
  const outside = tempDir();
  const rendererDir = join(outside, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(outside, 'secret.txt'), 'TOP SECRET');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vikno</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const host = await startBrowserHost({ dataDir, port: 0, rendererDir, appVersion: '9.8.7', logger: memoryLogger() });
  cleanups.push(() => host.close());
  const origin = `http://127.0.0.1:${host.port}`;
  return {
    ...host,
    dataDir,
    origin,
    wsUrl: (token = host.token) => `ws://127.0.0.1:${host.port}/rpc?token=${encodeURIComponent(token)}`,
  };
}

function get(
  port: number,
  path: string,
  host = `127.0.0.1:${port}`,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host WebSocket: who may connect', () => {
  it('serves the contract to a loopback page that presents the launch token', async () => {
    const host = await startHost();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    const opened = await openSocket(host.wsUrl(), host.origin);
    if (!opened.ok) throw new Error(`refused with ${opened.status}`);
    const info = await callOver(opened.ws, 1, 'app.info', {});
    expect(info.result).toMatchObject({
      ok: true,
      value: { product: 'Vikno', version: '9.8.7', dataDir: host.dataDir, schemaVersion: latestVersion(migrations) },
    });
    opened.ws.close();
  });

  it('refuses a missing token and a wrong token with 401', async () => {
    const host = await startHost();
    expect(await openSocket(`ws://127.0.0.1:${host.port}/rpc`, host.origin)).toEqual({ ok: false, status: 401 });
    expect(await openSocket(host.wsUrl('x'.repeat(host.token.length)), host.origin)).toEqual({ ok: false, status: 401 });
    expect(await openSocket(host.wsUrl(host.token.slice(1)), host.origin)).toEqual({ ok: false, status: 401 });
  });

  it('refuses a foreign or missing Origin with 403, even with the right token', async () => {
    const host = await startHost();
    for (const origin of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, `https://127.0.0.1:${host.port}`, 'null']) {
      expect(await openSocket(host.wsUrl(), origin)).toEqual({ ok: false, status: 403 });
    }
    expect(await openSocket(host.wsUrl())).toEqual({ ok: false, status: 403 });
  });

  it('tells a page whether its link still works: 204 for the launch token, 401 for a stale or missing one', async () => {
    const host = await startHost();
    const check = (headers: Record<string, string>, method = 'POST') =>
      fetch(`${host.origin}/rpc/link`, { method, headers: { origin: host.origin, ...headers } }).then((res) => res.status);
    expect(await check({ authorization: `Bearer ${host.token}` })).toBe(204);
    expect(await check({ authorization: `Bearer ${'x'.repeat(host.token.length)}` })).toBe(401);
    expect(await check({})).toBe(401);
    expect(await check({ authorization: `Bearer ${host.token}`, origin: 'http://evil.example' })).toBe(403);
    expect(await check({ authorization: `Bearer ${host.token}` }, 'GET')).toBe(405);
  });

  it('binds to loopback only', async () => {
    const host = await startHost();
    expect(host.address).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      await expect(
        new Promise((resolve, reject) => {
          const socket = connect(host.port, external.address, () => resolve('connected'));
          socket.on('error', reject);
        }),
      ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
  });
});

describe('browser host WebSocket: bad frames', () => {
  it.each([
    ['text that is not JSON', 'not json {'],
    ['JSON that is not a call frame', JSON.stringify({ kind: 'call', method: 'app.info' })],
    ['a call with a negative id', JSON.stringify({ kind: 'call', id: -1, method: 'app.info', input: {} })],
    ['a binary frame', Buffer.from([1, 2, 3])],
  ])('%s closes that socket (1008) and the host carries on', async (_label, payload) => {
    const host = await startHost();
    const bystander = await openSocket(host.wsUrl(), host.origin);
    const culprit = await openSocket(host.wsUrl(), host.origin);
    if (!bystander.ok || !culprit.ok) throw new Error('could not connect');
    const gone = closed(culprit.ws);
    culprit.ws.send(payload);
    expect((await gone).code).toBe(1008);
    const health = await callOver(bystander.ws, 7, 'app.health', {});
    expect(health.result).toMatchObject({ ok: true, value: { status: 'ok', database: 'ok' } });
    const again = await openSocket(host.wsUrl(), host.origin);
    expect(again.ok).toBe(true);
    if (again.ok) again.ws.close();
    bystander.ws.close();
  });

  it('answers a well-formed call with bad input as VALIDATION, keeping the socket open', async () => {
    const host = await startHost();
    const opened = await openSocket(host.wsUrl(), host.origin);
    if (!opened.ok) throw new Error('refused');
    expect((await callOver(opened.ws, 1, 'app.info', { extra: 1 })).result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: ['extra'] }] } },
    });
    expect((await callOver(opened.ws, 2, 'applicants.drop', {})).result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await callOver(opened.ws, 3, 'app.health', {})).result).toMatchObject({ ok: true });
    opened.ws.close();
  });
});

describe('browser host: static files and shutdown', () => {
  it('serves the renderer with the CSP and refuses traversal and foreign Host headers', async () => {
    const host = await startHost();
    const index = await get(host.port, '/');
    expect(index.body).toContain('<title>Vikno</title>');
    expect(String(index.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(String(index.headers['content-security-policy'])).toContain(`connect-src ws://127.0.0.1:${host.port}/rpc`);
    expect((await get(host.port, '/assets/app.js')).headers['content-type']).toContain('text/javascript');
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const response = await get(host.port, path);
      expect(response.body, path).not.toContain('TOP SECRET');
    }
    expect((await get(host.port, '/..%2fsecret.txt')).status).toBe(404);
    expect((await get(host.port, '/assets/missing.js')).status).toBe(404);
    expect((await get(host.port, '/queue')).body).toContain('<title>Vikno</title>');
    expect((await get(host.port, '/', 'attacker.example')).status).toBe(421);
  });

  it('closes sockets and the database on close', async () => {
    const host = await startHost();
    const opened = await openSocket(host.wsUrl(), host.origin);
    if (!opened.ok) throw new Error('refused');
    await callOver(opened.ws, 1, 'app.health', {});
    expect(existsSync(join(host.dataDir, 'vikno.db-wal'))).toBe(true);
    const gone = closed(opened.ws);
    await host.close();
    expect((await gone).code).toBe(1001);
    // SQLite removes the write-ahead log only when the last connection closes cleanly.
    expect(existsSync(join(host.dataDir, 'vikno.db-wal'))).toBe(false);
  });
});

describe('WebSocket transport: concurrency', () => {
  const table = {
    'demo.slow': { input: z.object({}).strict(), output: z.literal('slow'), role: 'public' },
    'demo.fast': { input: z.object({}).strict(), output: z.literal('fast'), role: 'public' },
  } as const satisfies Record<string, MethodSpec>;

  it('keeps a slow call in flight while later calls on the same socket answer', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handlers: Handlers<CallContext, typeof table> = {
      'demo.slow': async () => {
        await gate;
        return 'slow' as const;
      },
      'demo.fast': () => 'fast',
    };
    const logger = memoryLogger();
    const connections = createConnections(createDispatcher(table, handlers, logger));
    // A backend of our own contract table (the real one has no slow method to hold open).
    const backend: Backend = { connect: (send) => connections.connect(send), emit: () => undefined, close: () => connections.drain() };
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const transport = attachWebSocket(server, backend, { token: 't0k3n', allowedOrigins: [`http://127.0.0.1:${port}`], logger });
    cleanups.push(async () => {
      await transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    const opened = await openSocket(`ws://127.0.0.1:${port}/rpc?token=t0k3n`, `http://127.0.0.1:${port}`);
    if (!opened.ok) throw new Error('refused');
    const slow = nextMessage<{ result: unknown }>(opened.ws, (m) => m.id === 1);
    let slowDone = false;
    void slow.then(() => (slowDone = true));
    opened.ws.send(JSON.stringify({ kind: 'call', id: 1, method: 'demo.slow', input: {} }));
    expect((await callOver(opened.ws, 2, 'demo.fast', {})).result).toEqual({ ok: true, value: 'fast' });
    expect(slowDone).toBe(false);
    release();
    expect((await slow).result).toEqual({ ok: true, value: 'slow' });
    opened.ws.close();
  });
});
