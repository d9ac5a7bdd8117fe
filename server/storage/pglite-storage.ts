import { PGlite } from '@electric-sql/pglite';
import type { Sql, SqlParam, Storage } from './storage';

interface PGliteLike {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(sql: string): Promise<unknown>;
}

function wrap(db: PGliteLike): Sql {
  return {
    query: async <Row>(sql: string, params: readonly SqlParam[] = []) => (await db.query<Row>(sql, [...params])).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
  };
}

/**
 * Embedded PostgreSQL in a data folder: zero set-up for a single center. PGlite runs one
 * connection; its `transaction()` holds that connection, so other queries wait their turn.
 */
export async function openPGlite(dataDir: string): Promise<Storage> {
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}
