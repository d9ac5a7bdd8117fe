/**
 * The engine's timing on its own (docs/ARCHITECTURE.md §7.1, docs/SYNC.md "Retries" and "Push"):
 * a real desk database, the real SyncHttp client, and a scripted back office at the fetch level
 * (test/helpers/scripted-back-office.ts, a stand-in). Time moves only by hand (a manual clock
 * injected as the engine's timers), so every retry here happens without `syncNow`.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../main/backend/db/open';
import { uuidv7 } from '../../../main/backend/ids';
import { takeBatch } from '../../../main/backend/sync/outbox-queue';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import { PROTOCOL_VERSION, PUSH_MAX_BYTES } from '../../../shared/sync-protocol';
import { addApplicant } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { advance, outboxStatuses, POLL_MS, useEngineDesks } from './engine-desk';

const deskWithEngine = useEngineDesks();

describe('sync engine retries on its own timer', () => {
  it('re-arms the timer with the growing backoff after every failed push, and the timer alone delivers', async () => {
    const { desk, clock, office, engine } = deskWithEngine();
    addApplicant(desk.env);
    office.answerPushes({ status: 500, body: 'storage down' }, { status: 502 }, { status: 504 });

    engine.start();
    await engine.waitForIdle();
    expect(office.pushes.map((p) => p.status)).toEqual([500]);
    expect(clock.armed()).toEqual([1000]);
    expect(outboxStatuses(desk.db)).toEqual(['pending']);

    await advance(clock, engine, 999);
    expect(office.pushes).toHaveLength(1);
    await advance(clock, engine, 1);
    expect(office.pushes.map((p) => p.status)).toEqual([500, 502]);
    expect(clock.armed()).toEqual([2000]);

    await advance(clock, engine, 2000);
    expect(office.pushes.map((p) => p.status)).toEqual([500, 502, 504]);
    expect(clock.armed()).toEqual([4000]);

    await advance(clock, engine, 4000);
    expect(office.pushes.map((p) => p.status)).toEqual([500, 502, 504, 200]);
    expect(outboxStatuses(desk.db)).toEqual(['acked']);
    expect(engine.status().state).toBe('online');
    // Delivered and pulled: the next cycle is the poll, and the backoff starts over.
    expect(clock.armed()).toEqual([POLL_MS]);
  });

  it('re-arms after a failed pull too, and polls again after a good one', async () => {
    const { clock, office, engine } = deskWithEngine();
    office.answerPulls({ status: 503 });

    engine.start();
    await engine.waitForIdle();
    expect(office.pulls).toBe(1);
    expect(engine.status().state).toBe('offline');
    expect(clock.armed()).toEqual([1000]);

    await advance(clock, engine, 1000);
    expect(office.pulls).toBe(2);
    expect(clock.armed()).toEqual([POLL_MS]);
    await advance(clock, engine, POLL_MS);
    expect(office.pulls).toBe(3);
  });

  it('arms nothing once stopped', async () => {
    const { desk, clock, office, engine } = deskWithEngine();
    addApplicant(desk.env);
    office.answerPushes({ status: 500 });
    engine.start();
    await engine.waitForIdle();
    expect(clock.armed()).toEqual([1000]);

    await engine.stop();
    expect(clock.armed()).toEqual([]);
    clock.advance(60 * 60_000);
    expect(office.pushes).toHaveLength(1);
  });

  it('arms nothing when stopped while a push is out, even if that push then fails', async () => {
    const { desk, clock, office, engine } = deskWithEngine();
    addApplicant(desk.env);
    office.answerPushes({ status: 500 });
    const release = office.holdNextPush();

    engine.start();
    const stopping = engine.stop();
    release();
    await stopping;
    expect(office.pushes.map((p) => p.status)).toEqual([500]);
    expect(clock.armed()).toEqual([]);
    expect(outboxStatuses(desk.db)).toEqual(['pending']);
  });

  it('waits as long as a 503’s Retry-After asks, not its own shorter backoff', async () => {
    const { desk, clock, office, engine } = deskWithEngine();
    addApplicant(desk.env);
    office.answerPushes({ status: 503, headers: { 'retry-after': '7' }, body: 'overloaded' });

    engine.start();
    await engine.waitForIdle();
    expect(clock.armed()).toEqual([7000]);
    await advance(clock, engine, 6999);
    expect(office.pushes).toHaveLength(1);
    await advance(clock, engine, 1);
    expect(office.pushes.map((p) => p.status)).toEqual([503, 200]);
    expect(outboxStatuses(desk.db)).toEqual(['acked']);
  });

  it('never retries at once on a 503 with Retry-After 0: its own backoff still applies', async () => {
    const { desk, clock, office, engine } = deskWithEngine();
    addApplicant(desk.env);
    office.answerPushes({ status: 503, headers: { 'retry-after': '0' } }, { status: 503, headers: { 'retry-after': '0' } });

    engine.start();
    await engine.waitForIdle();
    expect(clock.armed()).toEqual([1000]);
    await advance(clock, engine, 1000);
    expect(office.pushes.map((p) => p.status)).toEqual([503, 503]);
    expect(clock.armed()).toEqual([2000]);
  });

  it('backs off like any failure when the server refuses a push of one mutation as too large', async () => {
    const { desk, clock, office, engine } = deskWithEngine();
    addApplicant(desk.env);
    const tooLarge = { status: 413, body: JSON.stringify({ error: { code: 'body_too_large', message: 'too large' } }) };
    office.answerPushes(tooLarge, tooLarge);

    engine.start();
    await engine.waitForIdle();
    // One mutation cannot be halved: no immediate second try, the backoff timer instead.
    expect(office.pushes.map((p) => p.status)).toEqual([413]);
    expect(clock.armed()).toEqual([1000]);
    await advance(clock, engine, 1000);
    expect(office.pushes.map((p) => p.status)).toEqual([413, 413]);
    expect(clock.armed()).toEqual([2000]);
    await advance(clock, engine, 2000);
    expect(outboxStatuses(desk.db)).toEqual(['acked']);
  });

  it.each([
    [426, 'paused_update', 'needs a newer Vikno'],
    [401, 'paused_auth', 'refused this desk’s token'],
  ] as const)('pauses on %i (%s): no timer, no retries however long, until syncNow', async (code, state, logged) => {
    const { desk, clock, office, engine, logger, statuses } = deskWithEngine();
    addApplicant(desk.env);
    office.answerPushes({ status: code, body: JSON.stringify({ error: { code: 'refused', message: 'refused' } }) });

    engine.start();
    await engine.waitForIdle();
    expect(engine.status().state).toBe(state);
    expect(statuses.at(-1)?.state).toBe(state);
    expect(clock.armed()).toEqual([]);
    expect(logger.entries).toContainEqual({ level: 'warn', message: expect.stringContaining(logged), fields: { message: 'refused' } });

    await advance(clock, engine, 24 * 60 * 60_000);
    expect(office.pushes).toHaveLength(1);
    expect(office.pulls).toBe(0);
    expect(outboxStatuses(desk.db)).toEqual(['pending']);

    // After the update or re-enrollment ("Sync now" follows either) the pause is lifted and the change goes.
    await engine.syncNow();
    expect(engine.status().state).toBe('online');
    expect(office.pushes.map((p) => p.status)).toEqual([code, 200]);
    expect(outboxStatuses(desk.db)).toEqual(['acked']);
  });

  it('pauses for an update on a 426 to a pull as well', async () => {
    const { clock, office, engine } = deskWithEngine();
    office.answerPulls({ status: 426 });
    engine.start();
    await engine.waitForIdle();
    expect(engine.status().state).toBe('paused_update');
    expect(clock.armed()).toEqual([]);
    await advance(clock, engine, 60 * 60_000);
    expect(office.pulls).toBe(1);
  });

  it('puts a push back in the queue when its answer cannot be recorded, and the retry sends it again', async () => {
    const logger = memoryLogger();
    const applier = createChangeApplier(logger);
    let storageFails = true;
    const { desk, clock, office, engine } = deskWithEngine({
      // A storage fault while the answer is written (the conflict's snapshot is applied in that transaction).
      applyChanges: (db, changes) => {
        if (storageFails) throw new Error('disk I/O error');
        applier(db, changes);
      },
    });
    const applicant = addApplicant(desk.env);
    office.resultsOfNextPush((mutationId) => ({
      mutationId,
      status: 'conflict',
      fields: ['surname'],
      server: { ...applicant, surname: 'Шевчук' },
      version: 2,
    }));

    engine.start();
    await engine.waitForIdle();
    expect(office.pushes).toHaveLength(1);
    expect(outboxStatuses(desk.db)).toEqual(['pending']);
    expect(clock.armed()).toEqual([1000]);

    storageFails = false;
    await advance(clock, engine, 1000);
    expect(office.pushes).toHaveLength(2);
    expect(office.pushes[1]?.mutationIds).toEqual(office.pushes[0]?.mutationIds);
    expect(outboxStatuses(desk.db)).toEqual(['acked']);
  });
});

describe('sync engine batches by bytes', () => {
  /** Outbox rows as the commands write them, with payloads of a chosen size, each after a delivered predecessor. */
  function queueRows(db: Db, clerkId: string, rows: ReadonlyArray<{ kind: string; payload: Record<string, unknown> }>): string[] {
    const insert = db.prepare(
      'INSERT INTO outbox (mutation_id, aggregate, prev_mutation_id, base_version, kind, payload, actor, status, server_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const at = '2026-11-27T09:30:00.000Z';
    return db.transaction(() =>
      rows.map(({ kind, payload }) => {
        const aggregate = `${kind.split('.')[0] ?? ''}:${randomUUID()}`;
        const delivered = uuidv7();
        insert.run(delivered, aggregate, null, null, kind, '{}', clerkId, 'acked', 1, at);
        // A predecessor and a base version make the envelope as long as it gets.
        const mutationId = uuidv7();
        insert.run(mutationId, aggregate, delivered, 123_456, kind, JSON.stringify(payload), clerkId, 'pending', null, at);
        return mutationId;
      }),
    )();
  }

  it('splits a batch whose Cyrillic text is over 4 MiB in bytes though under it in characters', async () => {
    const { desk, office, engine } = deskWithEngine();
    // 2 MB each in UTF-8, 1 M characters: three are 3 M characters but 6 MB.
    const ids = queueRows(
      desk.db,
      desk.env.clerkId,
      Array.from({ length: 3 }, () => ({ kind: 'applicant.update', payload: { note: 'ж'.repeat(1_000_000) } })),
    );

    engine.start();
    await engine.waitForIdle();
    expect(office.pushes.map((p) => [p.status, p.mutationIds.length])).toEqual([
      [200, 2],
      [200, 1],
    ]);
    for (const push of office.pushes) expect(push.bytes).toBeLessThanOrEqual(PUSH_MAX_BYTES);
    expect(office.pushes.flatMap((p) => p.mutationIds)).toEqual(ids);
    expect(outboxStatuses(desk.db)).toEqual(Array(6).fill('acked'));
  });

  it('counts every byte of the request: two mutations 18 bytes too many for one push go in two, none refused', async () => {
    const { desk, clock, office, engine } = deskWithEngine();
    const ids = queueRows(desk.db, desk.env.clerkId, [
      { kind: 'application.status', payload: { reason: '' } },
      { kind: 'application.status', payload: { reason: '' } },
    ]);
    // Pad the payloads so that the two mutations as sent, with one comma each, come to 10 bytes
    // under the limit: the push body's own envelope (29 bytes) then takes one push 18 bytes over.
    const sent = takeBatch(desk.db, clock.now(), 10, Infinity);
    const padding = PUSH_MAX_BYTES - 10 - sent.reduce((sum, m) => sum + Buffer.byteLength(JSON.stringify(m)) + 1, 0);
    const pad = desk.db.prepare('UPDATE outbox SET payload = ? WHERE mutation_id = ?');
    pad.run(JSON.stringify({ reason: 'x'.repeat(Math.floor(padding / 2)) }), ids[0]);
    pad.run(JSON.stringify({ reason: 'x'.repeat(Math.ceil(padding / 2)) }), ids[1]);
    const asOnePush = Buffer.byteLength(
      JSON.stringify({ protocol: PROTOCOL_VERSION, mutations: takeBatch(desk.db, clock.now(), 10, Infinity) }),
    );
    expect(asOnePush).toBe(PUSH_MAX_BYTES + 18);

    engine.start();
    await engine.waitForIdle();
    expect(office.pushes.map((p) => [p.status, p.mutationIds.length])).toEqual([
      [200, 1],
      [200, 1],
    ]);
    expect(office.pushes.flatMap((p) => p.mutationIds)).toEqual(ids);
    expect(outboxStatuses(desk.db)).toEqual(Array(4).fill('acked'));
  });
});
