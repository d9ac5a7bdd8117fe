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
import { writeSyncState } from '../../../main/backend/sync/sync-state';
import { toInt } from '../../../server/storage/storage';
import { openTestDesk } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { STORAGES, useServer } from '../server/harness';

const tempDir = useTempDirs();

describe.each(STORAGES)('pushing a queue in many batches on %s', (kind) => {
  const server = useServer(kind);

  it('keeps one push in flight, sends every mutation once, and an aggregate’s mutations in order', async () => {
    const desk = await server.enrollDesk('KV01', '31');
    const { db, env } = openTestDesk(tempDir());
    writeSyncState(db, 'device_token', desk.token);
    // 25 applicants created and then renamed: 50 mutations, two per aggregate, in batches of 4.
    const ids = Array.from({ length: 25 }, () => randomUUID());
    const insert = db.prepare(
      "INSERT INTO outbox (mutation_id, aggregate, prev_mutation_id, base_version, kind, payload, actor, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'clerk-1', 'pending', ?)",
    );
    const at = new Date().toISOString();
    db.transaction(() => {
      const created = ids.map((id) => {
        const mutationId = uuidv7();
        insert.run(mutationId, `applicant:${id}`, null, null, 'applicant.create', JSON.stringify({ id, surname: 'Коваль' }), at);
        return mutationId;
      });
      ids.forEach((id, i) => insert.run(uuidv7(), `applicant:${id}`, created[i], null, 'applicant.update', JSON.stringify({ id, surname: 'Коваленко' }), at));
    })();

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
    const http = createSyncHttp({ baseUrl: server.url, token: () => desk.token, actor: () => env.clerkId, fetch: counting, now: () => new Date() });
    const engine = createSyncEngine({ db, http, now: () => new Date(), logger: memoryLogger(), applyChanges: createChangeApplier(memoryLogger()), onStatus: () => undefined, batchSize: 4 });
    engine.start();
    await engine.waitForIdle();
    await engine.stop();

    expect(most).toBe(1);
    expect(pushes).toBeGreaterThanOrEqual(13);
    expect(db.prepare("SELECT count(*) FROM outbox WHERE status <> 'acked'").pluck().get()).toBe(0);
    const rows = await server.storage.query<{ id: string; version: unknown; surname: string }>(
      "SELECT id, version, data->>'surname' AS surname FROM applicants WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))",
      [JSON.stringify(ids)],
    );
    expect(rows).toHaveLength(25);
    for (const row of rows) expect([toInt(row.version), row.surname]).toEqual([2, 'Коваленко']);
    const [logged] = await server.storage.query<{ n: unknown }>('SELECT count(*) AS n FROM mutation_log WHERE device_id = $1', [desk.deviceId]);
    expect(toInt(logged?.n)).toBe(50);
  });
});
