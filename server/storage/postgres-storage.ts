import pg from 'pg';
import type { Sql, SqlParam, Storage } from './storage';

interface ClientLike {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

function wrap(client: ClientLike): Sql {
  return {
    // pg types rows as `any`; the row type is the caller's claim (see Sql.query).
    query: async <Row>(sql: string, params: readonly SqlParam[] = []) => (await client.query(sql, [...params])).rows as Row[],
    exec: async (sql) => {
      // No params: pg sends the simple query protocol, which accepts several statements.
      await client.query(sql);
    },
  };
}

/** A PostgreSQL server through a connection pool; each transaction holds one connection. */
export async function openPostgres(connectionString: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('PostgreSQL pool error:', error.message));
  await pool.query('SELECT 1');
  return {
    kind: 'postgresql',
    ...wrap(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      // The pool listens for errors only on idle clients: a connection lost while checked out
      // (the database restarted, the session was ended) would be an unhandled 'error' event and
      // end the whole back office. Its pending query fails anyway; the lost client is discarded.
      let lost: Error | undefined;
      const onError = (error: Error) => (lost = error);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (!lost) await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.removeListener('error', onError);
        client.release(lost);
      }
    },
    close: () => pool.end(),
  };
}
