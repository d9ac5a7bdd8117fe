/**
 * The engine's push cycle beyond its retry timing (engine-retries.test.ts): rows in flight, batches
 * halved when the server refuses their size and never grown back to it, a crash's leftovers, cycles
 * asked for while one runs, and what the status says. Set-up: engine-desk.ts (a real desk database,
 * the real SyncHttp client, a scripted back office, a manual clock).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../main/backend/db/open';
import { writeSyncState } from '../../../main/backend/sync/sync-state';
import { addApplicant } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { advance, outboxStatuses, POLL_MS, useEngineDesks } from './engine-desk';

const deskWithEngine = useEngineDesks();

const TOO_LARGE = { status: 413, body: JSON.stringify({ error: { code: 'body_too_large', message: 'too large' } }) };

/** `n` applicants, each one queued mutation. */
function queueApplicants(desk: TestDesk, n: number): void {
  for (let i = 0; i < n; i++) addApplicant(desk.env, { kind: 'person', surname: `Тест${i}`, givenName: 'Іван', rnokppAbsent: 'religious' });
}

function rows(db: Db): Array<{ status: string; attempts: number; next_attempt_at: string | null }> {
  return db.prepare('SELECT status, attempts, next_attempt_at FROM outbox ORDER BY seq').all() as Array<{
    status: string;
    attempts: number;
    next_attempt_at: string | null;
  }>;
}

describe('sync engine pushes', () => {
  it('marks a batch in flight while it is out, counting the attempt', async () => {
    const { desk, office, engine } = deskWithEngine();
    addApplicant(desk.env);
    const release = office.holdNextPush();
    engine.start();
    await Promise.resolve();
    expect(rows(desk.db)).toEqual([{ status: 'inflight', attempts: 1, next_attempt_at: null }]);
    release();
    await engine.waitForIdle();
    expect(outboxStatuses(desk.db)).toEqual(['acked']);
  });

  it('sends at most batchSize mutations a push', async () => {
    const { desk, office, engine } = deskWithEngine({ batchSize: 2 });
    queueApplicants(desk, 5);
    engine.start();
    await engine.waitForIdle();
    expect(office.pushes.map((p) => p.mutationIds.length)).toEqual([2, 2, 1]);
  });

  it('halves a batch the server refuses as too large, grows back after successes, but never again to a size it refused', async () => {
    const { desk, office, engine } = deskWithEngine();
    queueApplicants(desk, 4);
    office.answerPushes(TOO_LARGE);
    engine.start();
    await engine.waitForIdle();
    // 4 refused → 2, 2 (the limit doubles back to 3: under the refused 4).
    expect(office.pushes.map((p) => [p.status, p.mutationIds.length])).toEqual([
      [413, 4],
      [200, 2],
      [200, 2],
    ]);
    expect(outboxStatuses(desk.db)).toEqual(Array(4).fill('acked'));

    queueApplicants(desk, 7);
    await engine.syncNow();
    expect(office.pushes.slice(3).map((p) => p.mutationIds.length)).toEqual([3, 3, 1]);
  });

  it('backs off a whole batch the server fails with a 5xx, without halving it', async () => {
    const { desk, clock, office, engine } = deskWithEngine();
    queueApplicants(desk, 3);
    office.answerPushes({ status: 500 });
    engine.start();
    await engine.waitForIdle();
    expect(clock.armed()).toEqual([1000]);
    await advance(clock, engine, 1000);
    expect(office.pushes.map((p) => [p.status, p.mutationIds.length])).toEqual([
      [500, 3],
      [200, 3],
    ]);
  });

  it('logs why an attempt failed and how many failed in a row', async () => {
    const { desk, clock, office, engine, logger } = deskWithEngine();
    addApplicant(desk.env);
    // A 410 is a pull's answer; a push answered so is backed off like any failure.
    office.answerPushes({ status: 503, body: 'overloaded' }, TOO_LARGE, { status: 410 });
    engine.start();
    await engine.waitForIdle();
    await advance(clock, engine, 1000);
    await advance(clock, engine, 2000);
    expect(logger.entries.filter((e) => e.level === 'info')).toEqual([
      {
        level: 'info',
        message: 'Sync attempt failed; will retry',
        fields: { reason: "HTTP 503: not the back office's error answer (10 bytes, not kept)", failures: 1 },
      },
      { level: 'info', message: 'Sync attempt failed; will retry', fields: { reason: 'request refused: too large', failures: 2 } },
      { level: 'info', message: 'Sync attempt failed; will retry', fields: { reason: 'cursor gone', failures: 3 } },
    ]);
  });

  it('a mutation answered retry_later gets its own retry time and goes with the first cycle after it', async () => {
    const { desk, clock, office, engine } = deskWithEngine();
    addApplicant(desk.env);
    office.resultsOfNextPush((mutationId) => ({ mutationId, status: 'retry_later', reason: 'predecessor_missing' }));
    engine.start();
    await engine.waitForIdle();
    // One attempt so far: half of 2 s at the middle of the jitter.
    expect(rows(desk.db)).toEqual([{ status: 'pending', attempts: 1, next_attempt_at: '2026-11-27T09:30:01.000Z' }]);
    expect(office.pushes).toHaveLength(1);
    // The cycle went on to pull without sending it again; the next cycle, past its time, sends it.
    expect(clock.armed()).toEqual([POLL_MS]);
    await advance(clock, engine, POLL_MS);
    expect(office.pushes).toHaveLength(2);
    expect(outboxStatuses(desk.db)).toEqual(['acked']);
  });

  it('a good push resets the failure count even when the pull after it fails', async () => {
    const { desk, clock, office, engine } = deskWithEngine();
    addApplicant(desk.env);
    office.answerPushes({ status: 500 });
    office.answerPulls({ status: 503 });
    engine.start();
    await engine.waitForIdle();
    expect(clock.armed()).toEqual([1000]);
    await advance(clock, engine, 1000);
    expect(outboxStatuses(desk.db)).toEqual(['acked']);
    // The push succeeded, so the failed pull is the first failure in a row again.
    expect(clock.armed()).toEqual([1000]);
    expect(engine.status()).toMatchObject({ state: 'offline', lastSuccessAt: '2026-11-27T09:30:01.000Z' });
  });

  it('uses the backoff policy it is given', async () => {
    const { desk, clock, office, engine } = deskWithEngine({ policy: { baseMs: 10_000, capMs: 60_000 } });
    addApplicant(desk.env);
    office.answerPushes({ status: 500 });
    engine.start();
    await engine.waitForIdle();
    // After one failure: half of base·2.
    expect(clock.armed()).toEqual([10_000]);
  });

  it('polls at the interval it is given, and every 30 s unless told', async () => {
    const given = deskWithEngine({ pollMs: 45_000 });
    given.engine.start();
    await given.engine.waitForIdle();
    expect(given.clock.armed()).toEqual([45_000]);

    const { engine, clock } = deskWithEngine({ pollMs: undefined });
    engine.start();
    await engine.waitForIdle();
    expect(clock.armed()).toEqual([POLL_MS]);
  });
});

describe('sync engine start and cycles', () => {
  it('says offline before its first cycle, and publishes its status at once on start', async () => {
    const { desk, office, engine, statuses } = deskWithEngine();
    addApplicant(desk.env);
    expect(engine.status()).toMatchObject({ state: 'offline', pending: 1, lastSuccessAt: null, clockOffsetMs: null });
    const release = office.holdNextPush();
    engine.start();
    expect(statuses).toEqual([expect.objectContaining({ state: 'offline', pending: 1 })]);
    release();
    await engine.waitForIdle();
  });

  it('sends again at start what a crash left in flight', async () => {
    const { desk, office, engine } = deskWithEngine();
    addApplicant(desk.env);
    desk.db.prepare("UPDATE outbox SET status = 'inflight', attempts = 1").run();
    engine.start();
    await engine.waitForIdle();
    expect(office.pushes).toHaveLength(1);
    expect(rows(desk.db)).toEqual([{ status: 'acked', attempts: 2, next_attempt_at: null }]);
  });

  it('a sync asked for while a cycle runs is run after it, once, with one timer armed', async () => {
    const { desk, clock, office, engine, requests } = deskWithEngine();
    addApplicant(desk.env);
    const release = office.holdNextPush();
    engine.start();
    const second = engine.syncNow();
    release();
    await second;
    await engine.waitForIdle();
    // The second cycle finds nothing to push and pulls once more.
    expect(requests.map((u) => u.pathname)).toEqual(['/sync/push', '/sync/pull', '/sync/pull']);
    expect(clock.armed()).toEqual([POLL_MS]);
  });

  it('keeps one push in flight: a sync asked for while a push is out sends nothing until it is answered', async () => {
    const { desk, office, engine, requests } = deskWithEngine();
    addApplicant(desk.env);
    const release = office.holdNextPush();
    engine.start();
    await Promise.resolve();
    addApplicant(desk.env, { kind: 'person', surname: 'Друга', givenName: 'Олена', rnokppAbsent: 'religious' });
    const second = engine.syncNow();
    await Promise.resolve();
    expect(requests.map((u) => u.pathname)).toEqual(['/sync/push']);
    release();
    await second;
    await engine.waitForIdle();
    expect(office.pushes.map((p) => p.mutationIds.length)).toEqual([1, 1]);
  });

  it('sync now drops the armed backoff: only the next poll stays armed', async () => {
    const { desk, clock, office, engine } = deskWithEngine();
    addApplicant(desk.env);
    office.answerPushes({ status: 500 });
    engine.start();
    await engine.waitForIdle();
    expect(clock.armed()).toEqual([1000]);
    await engine.syncNow();
    expect(clock.armed()).toEqual([POLL_MS]);
  });

  it('sync now drops the armed backoff even when its own cycle ends paused', async () => {
    const { desk, clock, office, engine } = deskWithEngine();
    addApplicant(desk.env);
    office.answerPushes({ status: 500 }, { status: 401 });
    engine.start();
    await engine.waitForIdle();
    expect(clock.armed()).toEqual([1000]);
    await engine.syncNow();
    expect(engine.status().state).toBe('paused_auth');
    expect(clock.armed()).toEqual([]);
  });

  it('an engine not started sends nothing on sync now and arms nothing', async () => {
    const { desk, clock, engine, requests } = deskWithEngine();
    addApplicant(desk.env);
    await engine.syncNow();
    expect(requests).toEqual([]);
    expect(clock.armed()).toEqual([]);
  });

  it('does nothing until the desk is enrolled', async () => {
    const { desk, clock, engine, requests } = deskWithEngine();
    writeSyncState(desk.db, 'device_token', null);
    addApplicant(desk.env);
    engine.start();
    await engine.waitForIdle();
    expect(requests).toEqual([]);
    expect(clock.armed()).toEqual([]);
    expect(engine.status()).toMatchObject({ state: 'not_enrolled', pending: 1 });
  });

  it('counts the files waiting when no uploader is wired', () => {
    const { desk, engine } = deskWithEngine();
    addApplicant(desk.env);
    desk.db.prepare("UPDATE outbox SET status = 'blocked_on_blob'").run();
    expect(engine.status()).toMatchObject({ filesLeft: 1, bytesLeft: 0, pending: 1 });
  });
});

describe('sync engine on the real timers (no timers injected)', () => {
  it('retries on its own after a failure, and once stopped no timer of it fires', async () => {
    // No jitter: each backoff is 0 ms, and polling every 20 ms.
    const { desk, office, engine, statuses } = deskWithEngine({ timers: undefined, random: () => 0, pollMs: 20 });
    addApplicant(desk.env);
    office.answerPushes({ status: 500 });
    engine.start();
    await vi.waitFor(() => expect(outboxStatuses(desk.db)).toEqual(['acked']));
    expect(office.pushes.map((p) => p.status)).toEqual([500, 200]);

    await engine.waitForIdle();
    await engine.stop();
    const published = statuses.length;
    const pulls = office.pulls;
    // Five poll intervals: an armed timer left behind would have fired and published by now.
    await sleep(100);
    expect(statuses).toHaveLength(published);
    expect(office.pulls).toBe(pulls);
  });
});
