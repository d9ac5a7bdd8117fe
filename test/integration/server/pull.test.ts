import { describe, expect, it } from 'vitest';
import { publishServerOwned } from '../../../server/catalog/publish';
import { pruneChanges } from '../../../server/sync/prune';
import { PULL_PAGE_SQL } from '../../../server/sync/pull';
import { randomUUID } from 'node:crypto';
import { CURSOR_AHEAD, ErrorResponse } from '../../../shared/sync-protocol';
import { registerMutation, statusMutation, STORAGES, useServer } from './harness';

describe.each(STORAGES)('pull on %s', (kind) => {
  const server = useServer(kind);

  it('pages through changes in commit order with limit and hasMore', async () => {
    const desk = await server.enrollDesk('P1');
    const registers = Array.from({ length: 5 }, () => registerMutation());
    await server.push(desk, registers);
    const seen: string[] = [];
    const seqs: number[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = await server.pull(desk, cursor, 2);
      pages++;
      // The center's clerk account (made as the desk enrolled) comes first.
      seen.push(...page.changes.filter((c) => c.entity === 'application').map((c) => c.id));
      seqs.push(...page.changes.map((c) => c.seq));
      expect(page.changes.length).toBeLessThanOrEqual(2);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(registers.map((m) => m.payload.id));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect((await server.pull(desk, cursor, 2)).changes).toEqual([]);
  });

  it('answers 410 to a cursor older than the retained history, and cursor 0 still gives every record', async () => {
    const desk = await server.enrollDesk('P2');
    const register = registerMutation();
    const id = String(register.payload.id);
    await server.push(desk, [register]);
    const old = await server.pull(desk, 0);
    await server.push(desk, [statusMutation(id, 'registered', 'sent_to_provider', register)]);
    const extra = registerMutation();
    await server.push(desk, [extra]);
    const head = (await server.pull(desk, old.cursor)).cursor;
    await pruneChanges(server.storage, head);
    const expired = await fetch(`${server.url}/sync/pull?cursor=${old.cursor - 1}`, { headers: desk.headers });
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ error: { code: 'cursor_expired' } });
    const snapshot = await server.pull(desk, 0);
    const ours = snapshot.changes.filter((c) => c.id === id || c.id === extra.payload.id);
    expect(ours.map((c) => [c.id, c.version])).toEqual([
      [id, 2],
      [extra.payload.id, 1],
    ]);
  });

  it('sends server-owned catalog records to every center, and takes no desk writes to them', async () => {
    const [deskA, deskB] = [await server.enrollDesk('P3'), await server.enrollDesk('P4')];
    const [cursorA, cursorB] = [(await server.pull(deskA, 0)).cursor, (await server.pull(deskB, 0)).cursor];
    const serviceId = randomUUID();
    await publishServerOwned(server.storage, 'service', serviceId, { code: 'S-1', nameUk: 'Довідка', active: true });
    for (const [desk, cursor] of [
      [deskA, cursorA],
      [deskB, cursorB],
    ] as const) {
      const { changes } = await server.pull(desk, cursor);
      expect(changes.map((c) => [c.entity, c.id, c.version])).toEqual([['service', serviceId, 1]]);
    }
    const write = {
      ...registerMutation(),
      aggregate: `service:${serviceId}`,
      kind: 'service.update',
      payload: { id: serviceId, active: false },
    };
    expect((await server.push(deskA, [write]))[0]).toMatchObject({ status: 'rejected', code: 'unknown_aggregate' });
  });

  it('checks the change a cursor names: the same one passes, another one is a restore (410 cursor_ahead), a malformed one 400', async () => {
    const desk = await server.enrollDesk('P3');
    const register = registerMutation();
    await server.push(desk, [register]);
    const page = await server.pull(desk, 0);
    const mine = page.changes.find((c) => c.id === register.payload.id)!;
    const at = (value: string) =>
      fetch(`${server.url}/sync/pull?cursor=${mine.seq}&at=${encodeURIComponent(value)}`, { headers: desk.headers });
    expect((await at(`application:${mine.id}:${mine.version}`)).status).toBe(200);
    const other = await at(`application:${mine.id}:${mine.version + 1}`);
    expect(other.status).toBe(410);
    expect(ErrorResponse.parse(await other.json()).error.code).toBe(CURSOR_AHEAD);
    expect((await at('no-version')).status).toBe(400);
  });

  it('reads about a page of changes for a page, however many follow the cursor', async () => {
    // 5,000 changes of one center straight into the tables (the push path is not under test here).
    await server.storage.exec(`
      INSERT INTO entity_versions (entity, id, version, data) SELECT 'applicant', 'plan-' || g, 1, '{}'::jsonb FROM generate_series(1, 5000) g;
      INSERT INTO changes (center_code, entity, id, version) SELECT 'P9', 'applicant', 'plan-' || g, 1 FROM generate_series(1, 5000) g;
    `);
    await server.storage.exec('ANALYZE changes');
    const [plan] = await server.storage.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${PULL_PAGE_SQL}`, [0, 'P9', 11]);
    const nodes: { 'Relation Name'?: string; 'Actual Rows': number }[] = [];
    const walk = (node: { Plans?: unknown[] } & Record<string, unknown>) => {
      nodes.push(node as (typeof nodes)[number]);
      for (const child of node.Plans ?? []) walk(child as typeof node);
    };
    const root = (typeof plan!['QUERY PLAN'] === 'string' ? JSON.parse(plan!['QUERY PLAN']) : plan!['QUERY PLAN']) as [
      { Plan: Record<string, unknown> },
    ];
    walk(root[0].Plan);
    const changeScans = nodes.filter((n) => n['Relation Name'] === 'changes');
    expect(changeScans.length).toBeGreaterThan(0);
    for (const scan of changeScans) expect(scan['Actual Rows']).toBeLessThanOrEqual(11);
  });
});
