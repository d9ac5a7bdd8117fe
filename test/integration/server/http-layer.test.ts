/**
 * The HTTP layer itself (docs/ARCHITECTURE.md §8): which paths are routes, the error shape of every
 * refusal, the rate limit on enrollment, event streams and a close that does not wait on them.
 */
import { QueueHub } from '../../../server/queue/hub';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { ENROLL_RATE_LIMIT } from '../../../server/auth/enroll-routes';
import { buildServer } from '../../../server/http/server';
import type { ServerDeps } from '../../../server/http/server-deps';
import { ErrorResponse } from '../../../shared/sync-protocol';
import { syncHeaders, useServer } from './harness';
import type { Harness } from './harness';
import { newDeskKey } from '../../helpers/desk-session';

const SHA = 'ab'.repeat(32);

async function refusal(res: Response): Promise<{ status: number; code: string }> {
  return { status: res.status, code: ErrorResponse.parse(await res.json()).error.code };
}

/** A server of its own over the harness's storage, so its rate limits start fresh; `extra` adds test routes. */
async function ownServer(
  server: Harness,
  deps: Partial<ServerDeps> = {},
  extra?: (app: FastifyInstance) => void,
): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildServer({
    storage: server.storage,
    blobs: { dir: server.blobDir, maxBytes: 1024 },
    adminToken: null,
    statistics: null,
    now: () => new Date(),
    pagesDir: null,
    queueHub: new QueueHub(),
    ...deps,
  });
  extra?.(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

describe('the HTTP layer', () => {
  const server = useServer('pglite');

  it('answers a path that is no route 404 and a route asked with another method 405, in the error shape', async () => {
    const answers = {
      unknown: await refusal(await fetch(`${server.url}/nowhere`)),
      trailingSlash: await refusal(await fetch(`${server.url}/health/`)),
      getEnroll: await refusal(await fetch(`${server.url}/enroll`)),
      deleteHealth: await refusal(await fetch(`${server.url}/health`, { method: 'DELETE' })),
      deleteFile: await refusal(await fetch(`${server.url}/blobs/${SHA}`, { method: 'DELETE' })),
      getComplete: await refusal(await fetch(`${server.url}/blobs/${SHA}/complete`)),
      upperCaseHash: await refusal(await fetch(`${server.url}/blobs/${SHA.toUpperCase()}/complete`, { method: 'POST' })),
      shortHash: await refusal(await fetch(`${server.url}/blobs/abc/complete`, { method: 'POST' })),
      longApplicationId: await refusal(await fetch(`${server.url}/provider/applications/${'x'.repeat(65)}/status`, { method: 'POST' })),
    };
    expect(answers).toEqual({
      unknown: { status: 404, code: 'not_found' },
      trailingSlash: { status: 404, code: 'not_found' },
      getEnroll: { status: 405, code: 'method_not_allowed' },
      deleteHealth: { status: 405, code: 'method_not_allowed' },
      deleteFile: { status: 405, code: 'method_not_allowed' },
      getComplete: { status: 405, code: 'method_not_allowed' },
      upperCaseHash: { status: 404, code: 'not_found' },
      shortHash: { status: 404, code: 'not_found' },
      longApplicationId: { status: 404, code: 'not_found' },
    });
    // A hash path is a route: without a token it is refused as one, not as an unknown path.
    const complete = await fetch(`${server.url}/blobs/${SHA}/complete`, { method: 'POST' });
    expect(complete.status).toBe(401);
    expect(complete.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('tells malformed JSON from a body that does not match, and refuses a body over the route’s limit with connection close', async () => {
    const enroll = (body: string) => fetch(`${server.url}/enroll`, { method: 'POST', body });
    expect(await refusal(await enroll('{"code": '))).toEqual({ status: 400, code: 'malformed_json' });
    expect(await refusal(await enroll(''))).toEqual({ status: 400, code: 'malformed_json' });
    expect(await refusal(await enroll('{"code": 7}'))).toEqual({ status: 400, code: 'invalid_body' });
    const tooBig = await enroll(JSON.stringify({ code: 'x'.repeat(5000), deviceName: 'Desk' }));
    expect(tooBig.headers.get('connection')).toBe('close');
    expect(await refusal(tooBig)).toEqual({ status: 413, code: 'body_too_large' });
    const desk = await server.enrollDesk('C1');
    const badQuery = await fetch(`${server.url}/sync/pull?cursor=-1`, { headers: desk.headers });
    expect(await refusal(badQuery)).toEqual({ status: 400, code: 'invalid_query' });
  });

  it('limits enrollment per address: the request past the limit inside the window is 429 with retry-after, other routes go on', async () => {
    const { app, url } = await ownServer(server);
    try {
      const enroll = () =>
        fetch(`${url}/enroll`, {
          method: 'POST',
          body: JSON.stringify({ code: 'NOPE-NOPE', deviceName: 'Desk', publicKey: newDeskKey().publicKey }),
        });
      for (let i = 0; i < ENROLL_RATE_LIMIT.max; i++)
        expect(await refusal(await enroll())).toEqual({ status: 401, code: 'enrollment_code_unknown' });
      const limited = await enroll();
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = ErrorResponse.parse(await limited.json());
      expect({ status: limited.status, code: body.error.code }).toEqual({ status: 429, code: 'rate_limited' });
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('serves an event stream as text/event-stream, and close() ends it while a request in flight still gets its answer', async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered = () => undefined as void;
    const inFlight = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let streamClosed = false;
    const { app, url } = await ownServer(server, {}, (instance) => {
      instance.get('/test/events', { sse: 'only' }, async (_request, reply) => {
        reply.sse.keepAlive();
        reply.sse.onClose(() => {
          streamClosed = true;
        });
        await reply.sse.send({ event: 'hello', data: { n: 1 } });
      });
      instance.get('/test/slow', async () => {
        entered();
        await gate;
        return { finished: true };
      });
    });
    const events = await fetch(`${url}/test/events`, { headers: { accept: 'text/event-stream' } });
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = events.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('event: hello');
    const slow = fetch(`${url}/test/slow`);
    await inFlight;
    const closed = app.close();
    release();
    expect(await (await slow).json()).toEqual({ finished: true });
    await closed;
    let rest = await reader.read();
    while (!rest.done) rest = await reader.read();
    expect(streamClosed).toBe(true);
  });

  it('serves the built pages’ assets under /assets/ when it has a pages folder, and none without', async () => {
    const pagesDir = mkdtempSync(join(tmpdir(), 'vikno-pages-'));
    afterAll(() => rmSync(pagesDir, { recursive: true, force: true }));
    mkdirSync(join(pagesDir, 'assets'));
    writeFileSync(join(pagesDir, 'assets', 'board.js'), 'console.log("board")');
    const { app, url } = await ownServer(server, { pagesDir });
    try {
      const asset = await fetch(`${url}/assets/board.js`);
      expect(asset.status).toBe(200);
      expect(await asset.text()).toBe('console.log("board")');
      expect(await refusal(await fetch(`${url}/assets/missing.js`))).toEqual({ status: 404, code: 'not_found' });
    } finally {
      await app.close();
    }
    expect(await refusal(await fetch(`${server.url}/assets/board.js`))).toEqual({ status: 404, code: 'not_found' });
  });

  it('takes the desk checks from a Fastify route: protocol, token, actor', async () => {
    const desk = await server.enrollDesk('C1');
    const noActor = Object.fromEntries(Object.entries(desk.headers).filter(([name]) => name !== 'x-vikno-actor'));
    expect(await refusal(await fetch(`${server.url}/sync/pull`, { headers: noActor }))).toEqual({ status: 400, code: 'actor_missing' });
    const old = await fetch(`${server.url}/sync/pull`, { headers: syncHeaders(desk.token, 0) });
    expect(await refusal(old)).toEqual({ status: 426, code: 'protocol_too_old' });
  });

  it('checks a desk’s credentials before its body: a push or queue command without a good token is 401 whatever it sends', async () => {
    const stranger = syncHeaders('not-a-token');
    for (const path of ['/sync/push', '/queue/commands']) {
      const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: stranger, body: '{"not": "the protocol"' });
      expect(await refusal(res)).toEqual({ status: 401, code: 'unauthorized' });
    }
    const unauthorized = await fetch(`${server.url}/queue/state`, { headers: stranger });
    expect(await refusal(unauthorized)).toEqual({ status: 401, code: 'unauthorized' });
  });
});
