/**
 * The back office's PostgreSQL connection is lost in the middle of applying a batch (the
 * database restarts, an administrator ends the session): that push fails, nothing of it
 * stays, the server keeps serving, and the batch sent again is applied once.
 */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { CHANGE_SEQUENCE_LOCK } from '../../../server/sync/entity-store';
import { registerMutation, statusMutation, useServer } from './harness';
import { advisoryWaiter } from './lock-waiter';

describe('a lost database connection mid-batch on postgresql', () => {
  const server = useServer('postgresql');

  it('fails that push alone, and the same batch sent again is applied once', async () => {
    const desk = await server.enrollDesk('LC1');
    const register = registerMutation();
    const batch = [register, statusMutation(String(register.payload.id), 'registered', 'sent_to_provider', register), registerMutation()];
    const holder = new pg.Client({ connectionString: server.databaseUrl! });
    await holder.connect();
    try {
      // Holding the change-sequence lock stops the push after it has written its records, just before its changes.
      await holder.query('SELECT pg_advisory_lock($1)', [CHANGE_SEQUENCE_LOCK]);
      const pushed = server.pushRaw(desk, batch);
      const waiter = await advisoryWaiter(server.storage);
      await holder.query('SELECT pg_terminate_backend($1)', [waiter]);
      const failed = await pushed;
      expect(failed.status).toBe(500);
      await holder.query('SELECT pg_advisory_unlock($1)', [CHANGE_SEQUENCE_LOCK]);
    } finally {
      await holder.end();
    }
    const stored = async () => {
      const [row] = await server.storage.query<{ logged: number; applications: number }>(
        `SELECT (SELECT count(*)::int FROM mutation_log WHERE mutation_id IN (SELECT jsonb_array_elements_text($1::jsonb))) AS logged,
                (SELECT count(*)::int FROM applications WHERE id IN (SELECT jsonb_array_elements_text($2::jsonb))) AS applications`,
        [JSON.stringify(batch.map((m) => m.mutationId)), JSON.stringify(batch.map((m) => String(m.payload.id)))],
      );
      return row;
    };
    expect(await stored()).toEqual({ logged: 0, applications: 0 });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    const results = await server.push(desk, batch);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await stored()).toEqual({ logged: 3, applications: 2 });
  });
});
