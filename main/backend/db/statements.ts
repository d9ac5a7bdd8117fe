import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement for `source`, compiled once per connection. Compiling is a large share
 * of a short command's CPU time (a registration runs about fifteen statements). Call sites that
 * want single values call `.pluck()` themselves; it is reset here so sharing stays safe.
 */
export function statement(db: Db, source: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(source);
  if (!prepared) {
    prepared = db.prepare(source);
    cache.set(source, prepared);
  }
  return prepared.reader ? prepared.pluck(false) : prepared;
}
