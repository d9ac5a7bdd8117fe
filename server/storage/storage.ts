/**
 * The one small interface the server talks to its database through, so PGlite (embedded, a
 * data folder) and PostgreSQL (a server) run the same SQL: PostgreSQL's dialect, `$1` params.
 */
export type SqlParam = string | number | boolean | null;

export interface Sql {
  /**
   * Runs one statement. The row type is the caller's claim about its SELECT list: neither
   * driver can check it, so callers keep row types next to their SQL and read numbers with
   * `toInt` (pg returns BIGINT and COUNT as strings, PGlite as numbers).
   */
  query<Row>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /** Several statements without params (migrations). */
  exec(sql: string): Promise<void>;
}

export type StorageKind = 'pglite' | 'postgresql';

export interface Storage extends Sql {
  readonly kind: StorageKind;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A BIGINT or COUNT as a number, whichever driver read it. */
export function toInt(value: unknown): number {
  const n = typeof value === 'string' || typeof value === 'bigint' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new Error(`Not an integer from the database: ${String(value)}`);
  return n;
}
