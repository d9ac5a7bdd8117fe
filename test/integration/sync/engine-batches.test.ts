/**
 * The engine pushing a queue larger than a batch: one push in flight at a time, every mutation
 * delivered once, an aggregate's mutations in order across batches.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../main/backend/ids';
import { createSyncEngine } from '../../../main/backend/sync/engine';
import { createSyncHttp } from '../../../main/backend/sync/http-client';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import type { Db } from '../../../main/backend/db/open';
import { toInt } from '../../../server/storage/storage';
import { adoptEnrollment } from '../../helpers/enrolled-desk-db';
import { openTestDesk } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { STORAGES, useServer } from '../server/harness';
import { applicantRow } from '../../helpers/applicant-row';

const tempDir = useTempDirs();

describe.each(STORAGES)('pushing a queue in many batches on %s', (kind) => {
  const server = useServer(kind);

  /** A desk whose outbox holds 25 applicants created then renamed: 50 mutations, two per aggregate. */
  async function deskWithQueue(deskCode: string) {
    const desk = await server.enrollDesk('KV01', deskCode);
    const { db } = openTestDesk(tempDir());
    // Written as the center's clerk signed in on the enrolled desk writes them: actor and session.
    const stamp = adoptEnrollment(db, desk);
    const ids = Array.from({ length: 25 }, () => randomUUID());
    const insert = db.prepare(
      `INSERT INTO outbox (mutation_id, aggregate, prev_mutation_id, base_version, kind, payload, actor, session_id, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
    );
    const at = new Date().toISOString();
    db.transaction(() => {
      const created = ids.map((id) => {
        const mutationId = uuidv7();
        insert.run(
          mutationId,
          `applicant:${id}`,
          null,
          null,
          'applicant.create',
          JSON.stringify(applicantRow(id)),
          stamp.actor,
          stamp.sessionId,
          at,
        );
        return mutationId;
      });
      ids.forEach((id, i) =>
        insert.run(
          uuidv7(),
          `applicant:${id}`,
          created[i],
          null,
          'applicant.update',
          JSON.stringify(applicantRow(id, 'Коваленко')),
          stamp.actor,
          stamp.sessionId,
          at,
        ),
      );
    })();
    return { desk, db, clerkId: stamp.actor, ids };
  }

  async function syncAll(db: Db, token: string, clerkId: string, fetchVia: typeof fetch, batchSize: number): Promise<void> {
    const http = createSyncHttp({ baseUrl: server.url, token: () => token, actor: () => clerkId, fetch: fetchVia, now: () => new Date() });
    const engine = createSyncEngine({
      db,
      http,
      now: () => new Date(),
      logger: memoryLogger(),
      applyChanges: createChangeApplier(memoryLogger()),
      onStatus: () => undefined,
      batchSize,
    });
    engine.start();
    await engine.waitForIdle();
    await engine.stop();
  }

  async function expectDelivered(db: Db, deviceId: string, ids: readonly string[]): Promise<void> {
    expect(db.prepare("SELECT count(*) FROM outbox WHERE status <> 'acked'").pluck().get()).toBe(0);
    const rows = await server.storage.query<{ id: string; version: unknown; surname: string }>(
      "SELECT id, version, data->>'surname' AS surname FROM applicants WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))",
      [JSON.stringify(ids)],
    );
    expect(rows).toHaveLength(ids.length);
    for (const row of rows) expect([toInt(row.version), row.surname]).toEqual([2, 'Коваленко']);
    const [logged] = await server.storage.query<{ n: unknown }>('SELECT count(*) AS n FROM mutation_log WHERE device_id = $1', [deviceId]);
    expect(toInt(logged?.n)).toBe(2 * ids.length);
  }

  it('keeps one push in flight, sends every mutation once, and an aggregate’s mutations in order', async () => {
    const { desk, db, clerkId, ids } = await deskWithQueue('31');
    let inFlight = 0;
    let most = 0;
    let pushes = 0;
    const counting: typeof fetch = async (input, init) => {
      const isPush = String(input).includes('/sync/push');
      if (isPush) {
        pushes += 1;
        most = Math.max(most, ++inFlight);
      }
      try {
        return await fetch(input, init);
      } finally {
        if (isPush) inFlight -= 1;
      }
    };
    await syncAll(db, desk.token, clerkId, counting, 4);
    expect(most).toBe(1);
    expect(pushes).toBeGreaterThanOrEqual(13);
    await expectDelivered(db, desk.deviceId, ids);
  });

  it('halves its batches for a server that takes fewer at a time (413), and delivers everything', async () => {
    const { desk, db, clerkId, ids } = await deskWithQueue('32');
    const sizes: number[] = [];
    // A stand-in for an older or stricter server: more than 3 mutations in a push is too large.
    const strict: typeof fetch = async (input, init) => {
      if (!String(input).includes('/sync/push')) return fetch(input, init);
      const count = (JSON.parse(String(init?.body)) as { mutations: unknown[] }).mutations.length;
      sizes.push(count);
      if (count > 3) return new Response(JSON.stringify({ error: { code: 'body_too_large', message: 'too many' } }), { status: 413 });
      return fetch(input, init);
    };
    await syncAll(db, desk.token, clerkId, strict, 16);
    expect(sizes.slice(0, 4)).toEqual([16, 8, 4, 2]);
    // Then it grows back, but never again to a size that was refused.
    expect(sizes.slice(4).length).toBeGreaterThan(0);
    expect(Math.max(...sizes.slice(4))).toBe(3);
    await expectDelivered(db, desk.deviceId, ids);
  });
});
