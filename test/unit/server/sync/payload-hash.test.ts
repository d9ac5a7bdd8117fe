/**
 * Properties of the hash that tells a resent mutation from a reused id (server/sync/payload-hash.ts);
 * the stored values it must keep are pinned in test/unit/sync/payload-hash.test.ts.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutationHash } from '../../../../server/sync/payload-hash';
import type { Mutation } from '../../../../shared/sync-protocol';

/** The canonical form written another way: keys in the default sort (UTF-16 code units), undefined fields left out. */
function model(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(model).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${model(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The same value with every object's keys in another order (arrays keep theirs). */
function reorder(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => reorder(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const rotated =
    entries.length === 0 ? entries : [...entries.slice(seed % entries.length), ...entries.slice(0, seed % entries.length)].reverse();
  return Object.fromEntries(rotated.map(([k, v]) => [k, reorder(v, seed + 1)]));
}

/** Keys that sort differently as strings and as numbers, or by case, so a wrong comparator shows. */
const key = fc.oneof(fc.constantFrom('9', '10', '2', 'a', 'B', 'b', '_', 'А', 'id', '-1'), fc.string({ maxLength: 4 }));
const payload = fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 });
const mutation = fc.record({
  mutationId: fc.uuid(),
  aggregate: fc.constantFrom('application:a-1', 'ticket:t-1'),
  prevMutationId: fc.option(fc.uuid(), { nil: null }),
  baseVersion: fc.option(fc.nat(), { nil: null }),
  kind: fc.constantFrom('application.update', 'ticket.called'),
  payload,
  actor: fc.constant('clerk-1'),
  createdAt: fc.constant('2026-11-02T09:00:00.000Z'),
}) as fc.Arbitrary<Mutation>;

describe('mutationHash', () => {
  it('is the SHA-256 of the mutation with keys sorted as strings at every depth, whatever order they came in', () => {
    fc.assert(
      fc.property(mutation, fc.nat(20), (m, seed) => {
        const reordered = reorder(m, seed) as Mutation;
        expect(mutationHash(reordered)).toBe(sha256(model(m)));
        expect(mutationHash(m)).toBe(mutationHash(reordered));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out fields that are undefined, as JSON would', () => {
    const m: Mutation = {
      mutationId: '0b5e3c1a-7c55-4b7e-9a36-3d5b1f0c2a11',
      aggregate: 'application:a-1',
      prevMutationId: null,
      baseVersion: 1,
      kind: 'application.update',
      payload: { id: 'a-1', notes: 'x' },
      actor: 'clerk-1',
      createdAt: '2026-11-02T09:00:00.000Z',
    };
    expect(mutationHash({ ...m, sessionId: undefined, payload: { ...m.payload, dueDate: undefined } })).toBe(mutationHash(m));
    expect(mutationHash({ ...m, payload: { ...m.payload, dueDate: null } })).not.toBe(mutationHash(m));
  });

  it('tells apart values JSON tells apart: an array from an object with index keys, a string from a number', () => {
    const base = { mutationId: 'm', aggregate: 'a:1', prevMutationId: null, baseVersion: null, kind: 'k', actor: 'c', createdAt: 't' };
    const hash = (payload: Record<string, unknown>) => mutationHash({ ...base, payload });
    expect(hash({ items: ['x', 'y'] })).toBe(
      sha256(
        '{"actor":"c","aggregate":"a:1","baseVersion":null,"createdAt":"t","kind":"k","mutationId":"m","payload":{"items":["x","y"]},"prevMutationId":null}',
      ),
    );
    expect(hash({ items: ['x', 'y'] })).not.toBe(hash({ items: { 0: 'x', 1: 'y' } }));
    expect(hash({ n: 1 })).not.toBe(hash({ n: '1' }));
    expect(hash({ a: 1, b: 2 })).not.toBe(hash({ a: 2, b: 1 }));
  });
});
