/**
 * A desk that dies with a push in flight (docs/SYNC.md "The outbox": `inflight` becomes `pending`
 * again at start): a real SQLite file closed mid-push, reopened, and a new engine started on it
 * against the real back office, which has each mutation once however often it is sent.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/backend/db/open';
import type { Db } from '../../../main/backend/db/open';
import { createSyncEngine } from '../../../main/backend/sync/engine';
import { createSyncHttp } from '../../../main/backend/sync/http-client';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import { toInt } from '../../../server/storage/storage';
import { PushResponse } from '../../../shared/sync-protocol';
import type { MutationResult } from '../../../shared/sync-protocol';
import { ApplicantInput } from '../../../shared/domain/applicant';
import { upsertApplicant } from '../../../main/backend/applicants/upsert-applicant';
import { adoptEnrollment } from '../../helpers/enrolled-desk-db';
import { addApplicant, openTestDesk, SAMPLE_PERSON } from '../../helpers/desk-db';
import { manualClock } from '../../helpers/manual-clock';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { useServer } from '../server/harness';
import type { Desk } from '../server/harness';

const tempDir = useTempDirs();

describe('a desk that crashed with a push in flight', () => {
  const server = useServer('pglite');

  function startEngine(db: Db, desk: Desk, clerkId: string, fetchVia: typeof fetch) {
    // The manual clock's timers never fire here: the only cycle is the one start() runs.
    const clock = manualClock();
    const logger = memoryLogger();
    const http = createSyncHttp({ baseUrl: server.url, token: () => desk.token, actor: () => clerkId, fetch: fetchVia, now: clock.now });
    const engine = createSyncEngine({
      db,
      http,
      now: clock.now,
      logger,
      applyChanges: createChangeApplier(logger),
      onStatus: () => undefined,
      timers: clock.timers,
      random: () => 0.5,
    });
    engine.start();
    return engine;
  }

  /** Two applicants, the first renamed after: three mutations, two of them one aggregate's chain. */
  function queueChanges(env: ReturnType<typeof openTestDesk>['env']): string[] {
    const first = addApplicant(env);
    upsertApplicant(env, ApplicantInput.parse({ ...SAMPLE_PERSON, id: first.id, surname: 'Шевчук' }));
    const second = addApplicant(
      env,
      ApplicantInput.parse({
        ...SAMPLE_PERSON,
        surname: 'Коваленко',
        rnokpp: '2245134075',
        idDoc: { type: 'id_card', number: '007654321', validUntil: '2030-01-01' },
      }),
    );
    return [first.id, second.id];
  }

  /**
   * Runs an engine until the desk "dies" in its first push: the process is gone (its database
   * closed, the push never answered) either after the server committed it or before it got there.
   */
  async function crashInFirstPush(db: Db, desk: Desk, clerkId: string, when: 'after_commit' | 'before_send'): Promise<void> {
    let crash!: () => void;
    const crashed = new Promise<void>((resolve) => (crash = resolve));
    const dying: typeof fetch = async (input, init) => {
      if (!String(input).includes('/sync/push')) return fetch(input, init);
      // The answer is read to its end, so the server has committed; the desk never gets to record it.
      if (when === 'after_commit') await (await fetch(input, init)).arrayBuffer();
      db.close();
      crash();
      return new Promise<Response>(() => undefined);
    };
    startEngine(db, desk, clerkId, dying);
    await crashed;
  }

  async function serverCounts(deviceId: string, ids: readonly string[]) {
    const [logged] = await server.storage.query<{ n: unknown }>('SELECT count(*) AS n FROM mutation_log WHERE device_id = $1', [deviceId]);
    const changes = await server.storage.query<{ id: string; n: unknown }>(
      "SELECT id, count(*) AS n FROM changes WHERE entity = 'applicant' AND id IN (SELECT jsonb_array_elements_text($1::jsonb)) GROUP BY id",
      [JSON.stringify(ids)],
    );
    const records = await server.storage.query<{ id: string; version: unknown; surname: string }>(
      "SELECT id, version, data->>'surname' AS surname FROM applicants WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))",
      [JSON.stringify(ids)],
    );
    const byId = <T extends { id: string }>(rows: T[], value: (row: T) => unknown) =>
      Object.fromEntries(ids.map((id) => [id, rows.filter((r) => r.id === id).map(value)[0]]));
    return {
      logged: toInt(logged?.n),
      changes: byId(changes, (r) => toInt(r.n)),
      records: byId(records, (r) => [toInt(r.version), r.surname]),
    };
  }

  it.each([
    ['after the server committed the push: re-sent at start and answered duplicate', 'after_commit', 'duplicate'],
    ['before the push reached the server: re-sent at start and applied once', 'before_send', 'applied'],
  ] as const)('%s', async (_name, when, answer) => {
    const desk = await server.enrollDesk('KV01', when === 'after_commit' ? '41' : '42');
    const { db, env: bare, file } = openTestDesk(tempDir());
    // The center's clerk signed in on the enrolled desk: the changes are theirs, in that session.
    const stamp = adoptEnrollment(db, desk);
    const env = { ...bare, clerkId: stamp.actor, sessionId: stamp.sessionId };
    const [renamed, other] = queueChanges(env) as [string, string];

    await crashInFirstPush(db, desk, env.clerkId, when);

    const reopened = openDatabase(file);
    try {
      // What the crash left: the whole push still marked as in flight.
      expect(reopened.prepare('SELECT status FROM outbox ORDER BY seq').pluck().all()).toEqual(['inflight', 'inflight', 'inflight']);
      const results: MutationResult[] = [];
      const recording: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (String(input).includes('/sync/push') && response.status === 200)
          results.push(...PushResponse.parse(await response.clone().json()).results);
        return response;
      };
      const engine = startEngine(reopened, desk, env.clerkId, recording);
      await engine.waitForIdle();
      await engine.stop();

      expect(results.map((r) => r.status)).toEqual([answer, answer, answer]);
      expect(reopened.prepare('SELECT status FROM outbox ORDER BY seq').pluck().all()).toEqual(['acked', 'acked', 'acked']);
      const serverVersion = reopened.prepare('SELECT server_version FROM applicants WHERE id = ?').pluck();
      expect([serverVersion.get(renamed), serverVersion.get(other)]).toEqual([2, 1]);
      // Each mutation took effect once: one log row each, one change per version, no version beyond.
      expect(await serverCounts(desk.deviceId, [renamed, other])).toEqual({
        logged: 3,
        changes: { [renamed]: 2, [other]: 1 },
        records: { [renamed]: [2, 'Шевчук'], [other]: [1, 'Коваленко'] },
      });
    } finally {
      reopened.close();
    }
  });
});
