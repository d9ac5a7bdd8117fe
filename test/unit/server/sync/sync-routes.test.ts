/**
 * The desk's sync routes (server/sync/sync-routes.ts) as the back office serves them, answered by
 * Fastify's `inject` (the real server, routes and error answers; no socket), over PGlite: health, push
 * and pull as a desk sends them, with the status and error code it acts on.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../../server/http/server';
import { QueueHub } from '../../../../server/queue/hub';
import type { Sql, Storage } from '../../../../server/storage/storage';
import { SERVER_VERSION } from '../../../../server/version';
import { PROTOCOL_VERSION } from '../../../../shared/sync-protocol';
import type { Mutation } from '../../../../shared/sync-protocol';
import { useRecords } from './apply/store-fixture';
import { enrolledDesk } from './push-desk';
import type { TestDesk } from './push-desk';

const records = useRecords();
/** Real database work, dozens of transactions a test: well over the default 5 s when the shared machine is busy. */
const SLOW = { timeout: 30_000 };
const now = new Date('2026-11-02T09:30:00.000Z');

/**
 * The storage as the server gets it, with a gate: while `held`, push transactions wait until the test
 * lets them go (a stand-in for a slow database, to have pushes in flight at once).
 */
const gate = {
  held: false,
  waiting: [] as (() => void)[],
  release(): void {
    this.held = false;
    for (const go of this.waiting.splice(0)) go();
  },
};
function gated(storage: Storage): Storage {
  return {
    ...storage,
    transaction: async <T>(fn: (tx: Sql) => Promise<T>): Promise<T> => {
      if (gate.held) await new Promise<void>((go) => gate.waiting.push(go));
      return storage.transaction(fn);
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

const written: number[] = [];
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({
    storage: gated(records.storage),
    blobs: { dir: mkdtempSync(join(tmpdir(), 'vikno-sync-routes-')), maxBytes: 1024 },
    adminToken: null,
    statistics: { written: (n) => written.push(n) },
    now: () => now,
    pagesDir: null,
    queueHub: new QueueHub(() => now),
  });
});
afterAll(() => app.close());

const headers = (desk: TestDesk) => ({
  authorization: `Bearer ${desk.token}`,
  'x-vikno-actor': 'clerk-1',
  'x-vikno-protocol': String(PROTOCOL_VERSION),
});
const pushing = (desk: TestDesk, mutations: readonly unknown[], extra: object = {}) =>
  app.inject({
    method: 'POST',
    url: '/sync/push',
    headers: headers(desk),
    payload: JSON.stringify({ protocol: PROTOCOL_VERSION, mutations, ...extra }),
  });
const pulling = (desk: TestDesk, query: string) => app.inject({ method: 'GET', url: `/sync/pull${query}`, headers: headers(desk) });
const errorOf = (res: LightMyRequestResponse) => ({ status: res.statusCode, ...(res.json<{ error: { code: string } }>().error as object) });

describe('sync routes', SLOW, () => {
  it('answers health with the storage and the server version, to anyone', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', storage: 'pglite', version: SERVER_VERSION });
  });

  it('applies a push and answers each mutation in the order sent, an unreadable one in its place, with the server’s time', async () => {
    const desk = await enrolledDesk(records);
    const [first, second] = [desk.register(), desk.register()];
    written.length = 0;
    const res = await pushing(desk, [first, { mutationId: 'not-an-id' }, second, { ...desk.register(), kind: 'application.teleport' }]);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ results: { status: string; mutationId: string }[]; serverTime: string }>();
    expect(body.serverTime).toBe(now.toISOString());
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied', 'rejected']);
    expect(body.results[0]).toEqual({ mutationId: first.mutationId, status: 'applied', version: 1 });
    expect(body.results[2]).toEqual({ mutationId: second.mutationId, status: 'applied', version: 1 });
    // Two records written, for the statistics.
    expect(written).toEqual([2]);
    // The oldest protocol the server still speaks.
    expect((await pushing(desk, [desk.register()], { protocol: 1 })).statusCode).toBe(200);
  });

  it('refuses a push without a device token, and a malformed one, before applying anything', async () => {
    const desk = await enrolledDesk(records);
    const register = desk.register();
    const anonymous = await app.inject({
      method: 'POST',
      url: '/sync/push',
      payload: JSON.stringify({ protocol: 1, mutations: [register] }),
    });
    expect(errorOf(anonymous)).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(errorOf(await pushing(desk, []))).toMatchObject({ status: 400 });
    expect(await records.stored('application', String(register.payload.id))).toBeNull();
  });

  it('answers 503 with Retry-After to a push beyond the eight in flight, and serves pushes again once they end', async () => {
    const desk = await enrolledDesk(records);
    gate.held = true;
    let settled = 0;
    const inFlight = Array.from({ length: 8 }, () => pushing(desk, [desk.register()]).finally(() => (settled += 1)));
    try {
      while (gate.waiting.length + settled < 8) await tick();
      expect(gate.waiting).toHaveLength(8);
      // The ninth is answered at once; were it let through, it would wait at the gate too: release it then.
      const ninth = pushing(desk, [desk.register()]);
      let answered = false;
      void ninth.finally(() => (answered = true));
      while (!answered && gate.waiting.length < 9) await tick();
      gate.release();
      const refused = await ninth;
      expect(errorOf(refused)).toEqual({ status: 503, code: 'overloaded', message: 'Too many pushes at once; retry shortly' });
      expect(refused.headers['retry-after']).toBe('2');
    } finally {
      gate.release();
    }
    expect((await Promise.all(inFlight)).map((res) => res.statusCode)).toEqual(Array(8).fill(200));
    const after = Array.from({ length: 8 }, () => pushing(desk, [desk.register()]));
    expect((await Promise.all(after)).map((res) => res.statusCode)).toEqual(Array(8).fill(200));
  });

  it('pulls the desk’s changes after its cursor, a page at a time, with the server’s time', async () => {
    const desk = await enrolledDesk(records, 'P1');
    const mutations: Mutation[] = [desk.register(), desk.register(), desk.register()];
    await pushing(desk, mutations);
    const all = await pulling(desk, '');
    expect(all.statusCode).toBe(200);
    const page = all.json<{ changes: { seq: number; id: string }[]; cursor: number; hasMore: boolean; serverTime: string }>();
    expect(page.serverTime).toBe(now.toISOString());
    const mine = page.changes.filter((c) => mutations.some((m) => m.payload.id === c.id));
    expect(mine.map((c) => c.id)).toEqual(mutations.map((m) => m.payload.id));
    const start = mine[0]!.seq - 1;
    const first = (await pulling(desk, `?cursor=${start}&limit=2`)).json<typeof page>();
    expect(first).toMatchObject({ cursor: mine[1]!.seq, hasMore: true });
    expect(first.changes.map((c) => c.id)).toEqual(mutations.slice(0, 2).map((m) => m.payload.id));
    // A limit of 0 still answers a page of one.
    expect((await pulling(desk, `?cursor=${start}&limit=0`)).json<typeof page>().changes).toHaveLength(1);
    // The change the cursor names, `at=entity:id:version` (an id may hold colons).
    const at = `application:${String(mutations[1]!.payload.id)}:1`;
    expect((await pulling(desk, `?cursor=${mine[1]!.seq}&at=${encodeURIComponent(at)}`)).json<typeof page>().changes).toMatchObject([
      { id: mutations[2]!.payload.id },
    ]);
    // A version of more than one digit.
    const id = String(mutations[2]!.payload.id);
    await records.history('application', id, { 12: { id } }, 'P1');
    const [twelfth] = await records.sql<{ seq: number }>('SELECT max(seq) AS seq FROM changes');
    expect((await pulling(desk, `?cursor=${twelfth!.seq}&at=${encodeURIComponent(`application:${id}:12`)}`)).statusCode).toBe(200);
    expect(errorOf(await pulling(desk, `?cursor=${mine[1]!.seq}&at=${encodeURIComponent('application:x:y:1')}`))).toMatchObject({
      status: 410,
      code: 'cursor_ahead',
    });
  });

  it('refuses a cursor, a limit or a cursor change it cannot read', async () => {
    const desk = await enrolledDesk(records);
    for (const query of [
      '?cursor=-1',
      '?cursor=1.5',
      '?cursor=abc',
      '?cursor=99999999999999999999',
      '?limit=5001',
      '?limit=1e3',
      '?at=application:x',
      '?at=Application:x:1',
      '?at=application:x:1234567890',
    ]) {
      const res = await pulling(desk, query);
      expect(res.statusCode, query).toBe(400);
    }
    expect((await pulling(desk, '?limit=5000')).statusCode).toBe(200);
    expect((await pulling(desk, '?cursor=0&limit=1')).statusCode).toBe(200);
    const message = (await pulling(desk, '?cursor=x')).json<{ error: { message: string } }>().error.message;
    expect(message).toContain(`cursor must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`);
    expect((await pulling(desk, '?limit=x')).json<{ error: { message: string } }>().error.message).toContain(
      'limit must be a whole number from 0 to 5000',
    );
    expect((await pulling(desk, '?at=x')).json<{ error: { message: string } }>().error.message).toContain('at must be entity:id:version');
  });
});
