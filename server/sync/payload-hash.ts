import { createHash } from 'node:crypto';
import type { Mutation } from '../../shared/sync-protocol';

/**
 * JSON with object keys sorted by string order, so the same mutation hashes the same however it
 * was serialized. Built by hand: a JSON.stringify replacer returning key-sorted copies is faster
 * but JavaScript puts integer-like keys ("9", "10") first in numeric order, which would change
 * the hash of what servers already stored.
 */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What makes a resent mutation "the same": everything it carries. */
export function mutationHash(mutation: Mutation): string {
  return createHash('sha256').update(canonical(mutation)).digest('hex');
}
