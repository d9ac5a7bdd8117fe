/**
 * The push route (server/sync/sync-routes.ts) passing on the clerk sessions a push carries, on a server
 * built without a statistics keeper (as a back office without one runs): Fastify's `inject` over PGlite.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../../server/http/server';
import { QueueHub } from '../../../../server/queue/hub';
import { PROTOCOL_VERSION } from '../../../../shared/sync-protocol';
import type { Mutation } from '../../../../shared/sync-protocol';
import { newDeskKey, signSession } from '../../../helpers/desk-session';
import { useRecords } from './apply/store-fixture';
import { enrolledDesk } from './push-desk';
import type { TestDesk } from './push-desk';

const records = useRecords();
/** Real database work: well over the default 5 s when the shared machine is busy. */
const SLOW = { timeout: 30_000 };
const now = new Date('2026-11-02T09:30:00.000Z');

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({
    storage: records.storage,
    blobs: { dir: mkdtempSync(join(tmpdir(), 'vikno-sync-sessions-')), maxBytes: 1024 },
    adminToken: null,
    statistics: null,
    now: () => now,
    pagesDir: null,
    queueHub: new QueueHub(() => now),
  });
});
afterAll(() => app.close());

const pushing = (desk: TestDesk, mutations: readonly Mutation[], extra: object = {}) =>
  app.inject({
    method: 'POST',
    url: '/sync/push',
    headers: { authorization: `Bearer ${desk.token}`, 'x-vikno-actor': 'clerk-1', 'x-vikno-protocol': String(PROTOCOL_VERSION) },
    payload: JSON.stringify({ protocol: PROTOCOL_VERSION, mutations, ...extra }),
  });

describe('sync push route, sessions and no statistics keeper', SLOW, () => {
  it('applies a mutation made in a session the push itself carries, signed by the desk, and refuses it without', async () => {
    const desk = await enrolledDesk(records);
    const key = newDeskKey();
    await records.sql('UPDATE devices SET public_key = $1 WHERE id = $2', [key.publicKey, desk.device.id]);
    const register = desk.register();
    const session = signSession(key, desk.device.id, register.actor, '2026-11-02T09:10:00.000Z');
    const signedIn = { ...register, sessionId: session.sessionId };

    const without = await pushing(desk, [signedIn]);
    expect(without.statusCode).toBe(200);
    expect(without.json<{ results: unknown[] }>().results).toMatchObject([{ mutationId: register.mutationId, status: 'rejected' }]);
    expect(await records.stored('application', String(register.payload.id))).toBeNull();

    const carried = await pushing(desk, [signedIn], { sessions: [session] });
    expect(carried.statusCode).toBe(200);
    expect(carried.json<{ results: unknown[] }>().results).toEqual([{ mutationId: register.mutationId, status: 'applied', version: 1 }]);
    expect(await records.stored('application', String(register.payload.id))).toMatchObject({ version: 1 });
  });
});
