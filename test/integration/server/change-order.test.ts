/**
 * Pull never skips a change committed late (CHANGE_SEQUENCE_LOCK in server/sync/entity-store.ts).
 * BIGSERIAL seqs are taken at insert, not at commit: without the lock, writer A could take seq n,
 * writer B seq n+1 and commit first, and a pull between the two commits would move the desk's
 * cursor past n before n exists. Only PostgreSQL has two writers at once (PGlite is one connection).
 */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { deviceForToken } from '../../../server/auth/devices';
import { push } from '../../../server/sync/push';
import type { Sql, SqlParam, Storage } from '../../../server/storage/storage';
import type { Change } from '../../../shared/sync-protocol';
import { registerMutation, signedBody, useServer } from './harness';
import { advisoryWaiter } from './lock-waiter';
import { signSession } from '../../helpers/desk-session';

interface Gate {
  open(): void;
  wait: Promise<void>;
}

function gate(): Gate {
  let open = () => {};
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { open, wait };
}

/**
 * Writer A's storage: its own connection, whose transaction has run the whole batch (so holds
 * its seq) and then waits for `commit` to open before it commits.
 */
function heldStorage(client: pg.Client, ran: Gate, commit: Gate): Storage {
  const sql: Sql = {
    query: async <Row>(text: string, params: readonly SqlParam[] = []) => (await client.query(text, [...params])).rows as Row[],
    exec: async (text) => {
      await client.query(text);
    },
  };
  return {
    kind: 'postgresql',
    ...sql,
    transaction: async (fn) => {
      await client.query('BEGIN');
      try {
        const result = await fn(sql);
        ran.open();
        await commit.wait;
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    close: () => client.end(),
  };
}

describe('change order on postgresql', () => {
  const server = useServer('postgresql');

  it('a pull between a late-committing writer and a later one that committed first does not skip the first', async () => {
    const desk = await server.enrollDesk('LK1');
    const device = (await deviceForToken(server.storage, desk.token))!;
    const start = (await server.pull(desk, 0)).cursor;
    const client = new pg.Client({ connectionString: server.databaseUrl! });
    await client.connect();
    try {
      const [a, b] = [registerMutation(), registerMutation()];
      const ran = gate();
      const commit = gate();
      // A session of its own: B storing the same one would wait on A's uncommitted row, not on the change-sequence lock.
      const signed = signedBody({ ...desk, session: signSession(desk.key, desk.deviceId, desk.clerkId) }, [a]);
      const writerA = push(heldStorage(client, ran, commit), device, signed.mutations, signed.sessions);
      await ran.wait;
      const [seqA] = await client.query<{ seq: string }>('SELECT max(seq) AS seq FROM changes').then((r) => r.rows);
      expect(seqA?.seq).not.toBeNull();

      const writerB = server.push(desk, [b]);
      await advisoryWaiter(server.storage, writerB); // B waits for A's lock, or (without it) has committed
      const between = await server.pull(desk, start);

      commit.open();
      expect(await writerA).toEqual([expect.objectContaining({ mutationId: a.mutationId, status: 'applied' })]);
      expect(await writerB).toEqual([expect.objectContaining({ mutationId: b.mutationId, status: 'applied' })]);
      const after = await server.pull(desk, between.cursor);

      const seen: Change[] = [...between.changes, ...after.changes];
      expect(seen.map((c) => c.id).sort()).toEqual([a.payload.id, b.payload.id].sort());
      expect(seen.map((c) => c.seq)).toEqual([...seen.map((c) => c.seq)].sort((x, y) => x - y));
      expect(seen.find((c) => c.id === a.payload.id)?.seq).toBe(Number(seqA!.seq));
    } finally {
      await client.end();
    }
  });
});
