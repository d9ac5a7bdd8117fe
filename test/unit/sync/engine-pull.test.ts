/**
 * The engine's pull side and what it reports (docs/SYNC.md "Pull"): pages until the server has no more,
 * the cursor and the change it points at kept and sent back, a 410 handled by re-reading (and, after a
 * server restore, by sending delivered changes again), a failing cycle backed off, and a conflict's
 * server record handed to the applier. The set-up is engine-desk.ts: a real desk database, the real
 * SyncHttp client, a scripted back office and a manual clock.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../main/backend/db/open';
import { readSyncState, writeSyncState } from '../../../main/backend/sync/sync-state';
import { CURSOR_AHEAD, PULL_MAX_LIMIT } from '../../../shared/sync-protocol';
import type { Change, PullResponse } from '../../../shared/sync-protocol';
import { addApplicant } from '../../helpers/desk-db';
import type { ScriptedAnswer } from '../../helpers/scripted-back-office';
import { advance, outboxStatuses, POLL_MS, useEngineDesks } from './engine-desk';

const deskWithEngine = useEngineDesks();

/** The desk's clock starts at 09:30:00; the server's is 5 s ahead. */
const SERVER_TIME = '2026-11-27T09:30:05.000Z';

function page(changes: Change[], cursor: number, hasMore: boolean): ScriptedAnswer {
  const body: PullResponse = { changes, cursor, hasMore, serverTime: SERVER_TIME };
  return { status: 200, body: JSON.stringify(body) };
}

function gone(code: string): ScriptedAnswer {
  return { status: 410, body: JSON.stringify({ error: { code, message: 'cursor not in history' } }) };
}

const change = (seq: number, id: string, version = 1): Change => ({ seq, entity: 'ticket', id, version, data: { id, n: seq } });

/** The query of each pull request, in order. */
function pullQueries(requests: URL[]): string[] {
  return requests.filter((u) => u.pathname === '/sync/pull').map((u) => u.search);
}

function cursorState(db: Db) {
  return { cursor: readSyncState(db, 'pull_cursor'), at: readSyncState(db, 'pull_cursor_at') };
}

describe('sync engine pulls', () => {
  it('reads page after page until there is no more, keeps the cursor and the change it points at, and sends both back', async () => {
    const applied: Change[][] = [];
    const { desk, clock, office, engine, requests, statuses } = deskWithEngine({
      pullLimit: 2,
      applyChanges: (_db, changes) => void applied.push([...changes]),
    });
    office.answerPulls(page([change(1, 't1'), change(2, 't2', 3)], 2, true), page([change(3, 't3')], 3, false), page([], 3, false));

    engine.start();
    await engine.waitForIdle();
    expect(applied).toEqual([[change(1, 't1'), change(2, 't2', 3)], [change(3, 't3')]]);
    expect(pullQueries(requests)).toEqual(['?cursor=0&limit=2', `?cursor=2&limit=2&at=${encodeURIComponent('ticket:t2:3')}`]);
    expect(cursorState(desk.db)).toEqual({ cursor: '3', at: 'ticket:t3:1' });
    expect(clock.armed()).toEqual([POLL_MS]);

    const status = engine.status();
    expect(status).toMatchObject({ state: 'online', lastSuccessAt: '2026-11-27T09:30:00.000Z', clockOffsetMs: 5000 });
    expect(statuses.at(-1)).toEqual(status);

    // The next poll: an empty page moves nothing, and the change the cursor points at stays named.
    await advance(clock, engine, POLL_MS);
    expect(pullQueries(requests).at(-1)).toBe(`?cursor=3&limit=2&at=${encodeURIComponent('ticket:t3:1')}`);
    expect(applied.at(-1)).toEqual([]);
    expect(cursorState(desk.db)).toEqual({ cursor: '3', at: 'ticket:t3:1' });
    expect(engine.status().lastSuccessAt).toBe(new Date(Date.parse('2026-11-27T09:30:00.000Z') + POLL_MS).toISOString());
  });

  it('asks for as many changes as the protocol allows unless told otherwise', async () => {
    const { engine, requests } = deskWithEngine();
    engine.start();
    await engine.waitForIdle();
    expect(pullQueries(requests)).toEqual([`?cursor=0&limit=${PULL_MAX_LIMIT}`]);
  });

  it('on a 410 for a cursor the server pruned, re-reads from the start in the same cycle, without backing off', async () => {
    const applied: Change[] = [];
    const { desk, clock, office, engine, requests, logger } = deskWithEngine({
      applyChanges: (_db, changes) => void applied.push(...changes),
    });
    writeSyncState(desk.db, 'pull_cursor', '5');
    writeSyncState(desk.db, 'pull_cursor_at', 'ticket:t5:1');
    office.answerPulls(gone('cursor_gone'), page([change(9, 't9')], 9, false));

    engine.start();
    await engine.waitForIdle();
    expect(pullQueries(requests)).toEqual([
      `?cursor=5&limit=${PULL_MAX_LIMIT}&at=${encodeURIComponent('ticket:t5:1')}`,
      `?cursor=0&limit=${PULL_MAX_LIMIT}`,
    ]);
    expect(applied).toEqual([change(9, 't9')]);
    expect(cursorState(desk.db)).toEqual({ cursor: '9', at: 'ticket:t9:1' });
    expect(clock.armed()).toEqual([POLL_MS]);
    expect(engine.status().state).toBe('online');
    expect(logger.entries.filter((e) => e.level === 'warn')).toEqual([
      {
        level: 'warn',
        message: 'Pull cursor is not in the back office’s history; re-reading everything',
        fields: { cursor: 5, serverBehind: false },
      },
    ]);
  });

  it('after a 410, an empty re-read leaves no stale change named beside the new cursor', async () => {
    const { desk, clock, office, engine, requests } = deskWithEngine();
    writeSyncState(desk.db, 'pull_cursor', '5');
    writeSyncState(desk.db, 'pull_cursor_at', 'ticket:t5:1');
    office.answerPulls(gone('cursor_gone'), page([], 7, false), page([], 7, false));
    engine.start();
    await engine.waitForIdle();
    await advance(clock, engine, POLL_MS);
    expect(pullQueries(requests).at(-1)).toBe(`?cursor=7&limit=${PULL_MAX_LIMIT}`);
  });

  it('keeps the last clock offset when an answer’s server time cannot be read', async () => {
    const { clock, office, engine } = deskWithEngine();
    office.answerPulls(page([], 0, false), {
      status: 200,
      body: JSON.stringify({ changes: [], cursor: 0, hasMore: false, serverTime: 'noon' }),
    });
    engine.start();
    await engine.waitForIdle();
    expect(engine.status().clockOffsetMs).toBe(5000);
    await advance(clock, engine, POLL_MS);
    expect(engine.status()).toMatchObject({ clockOffsetMs: 5000, lastSuccessAt: '2026-11-27T09:30:30.000Z' });
  });

  it('backs off when even a read from the start answers 410, with a growing delay', async () => {
    const { desk, clock, office, engine, requests } = deskWithEngine();
    office.answerPulls(gone('cursor_gone'), gone('cursor_gone'));

    engine.start();
    await engine.waitForIdle();
    expect(pullQueries(requests)).toHaveLength(1);
    expect(clock.armed()).toEqual([1000]);
    await advance(clock, engine, 1000);
    expect(pullQueries(requests)).toHaveLength(2);
    expect(clock.armed()).toEqual([2000]);
    await advance(clock, engine, 2000);
    expect(pullQueries(requests)).toHaveLength(3);
    expect(clock.armed()).toEqual([POLL_MS]);
    expect(cursorState(desk.db).at).toBeNull();
  });

  it('after the server was restored from an older backup, sends every delivered change again before re-reading', async () => {
    const { desk, office, engine, requests, logger } = deskWithEngine();
    addApplicant(desk.env);
    engine.start();
    await engine.waitForIdle();
    expect(outboxStatuses(desk.db)).toEqual(['acked']);
    const delivered = office.pushes[0]?.mutationIds;

    writeSyncState(desk.db, 'pull_cursor', '40');
    office.answerPulls(gone(CURSOR_AHEAD));
    await engine.syncNow();
    expect(office.pushes.map((p) => p.mutationIds)).toEqual([delivered, delivered]);
    expect(pullQueries(requests)).toEqual([
      `?cursor=0&limit=${PULL_MAX_LIMIT}`,
      `?cursor=40&limit=${PULL_MAX_LIMIT}`,
      `?cursor=0&limit=${PULL_MAX_LIMIT}`,
    ]);
    expect(requests.map((u) => u.pathname)).toEqual(['/sync/push', '/sync/pull', '/sync/pull', '/sync/push', '/sync/pull']);
    expect(outboxStatuses(desk.db)).toEqual(['acked']);
    expect(logger.entries.filter((e) => e.level === 'warn').map((e) => [e.message, e.fields])).toEqual([
      ['Pull cursor is not in the back office’s history; re-reading everything', { cursor: 40, serverBehind: true }],
      ['Back office restored from a backup; re-sending delivered changes', { count: 1 }],
    ]);
  });
});

describe('a sync cycle that throws', () => {
  it('is logged, backed off on the timer and retried; the desk keeps its cursor until a page is stored', async () => {
    let failing = true;
    const applied: Change[] = [];
    const { desk, clock, office, engine, logger, statuses } = deskWithEngine({
      applyChanges: (_db, changes) => {
        if (failing) throw new Error('database is locked');
        applied.push(...changes);
      },
    });
    office.answerPulls(page([change(1, 't1')], 1, false), page([change(1, 't1')], 1, false));

    engine.start();
    await engine.waitForIdle();
    const failure = logger.entries.find((e) => e.level === 'error');
    expect(failure?.message).toBe('Sync cycle failed');
    // The stack, not only the message: a bug in the engine must be findable from the log.
    expect(String(failure?.fields.error)).toMatch(/^Error: database is locked\n\s+at /);
    expect(clock.armed()).toEqual([1000]);
    expect(cursorState(desk.db)).toEqual({ cursor: null, at: null });
    expect(statuses.length).toBeGreaterThanOrEqual(2);

    failing = false;
    await advance(clock, engine, 1000);
    expect(applied).toEqual([change(1, 't1')]);
    expect(cursorState(desk.db)).toEqual({ cursor: '1', at: 'ticket:t1:1' });
    expect(clock.armed()).toEqual([POLL_MS]);
  });
});

describe('a push answered with a conflict', () => {
  it('hands the server’s record to the applier at once, as a change of the conflicting aggregate that moves no cursor', async () => {
    const applied: Change[] = [];
    const { desk, office, engine } = deskWithEngine({ applyChanges: (_db, changes) => void applied.push(...changes) });
    const applicant = addApplicant(desk.env);
    const server = { ...applicant, surname: 'Шевчук' };
    office.resultsOfNextPush((mutationId) => ({ mutationId, status: 'conflict', fields: ['surname'], server, version: 4 }));

    engine.start();
    await engine.waitForIdle();
    expect(applied).toEqual([{ seq: 1, entity: 'applicant', id: applicant.id, version: 4, data: server }]);
    expect(readSyncState(desk.db, 'pull_cursor')).toBe('0');
  });

  it('hands nothing to the applier when every mutation was applied', async () => {
    const applied: Change[] = [];
    const { desk, engine } = deskWithEngine({ applyChanges: (_db, changes) => void applied.push(...changes) });
    addApplicant(desk.env);
    engine.start();
    await engine.waitForIdle();
    expect(applied).toEqual([]);
  });
});
