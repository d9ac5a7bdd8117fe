import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Change, JsonObject, Mutation } from '../../../shared/sync-protocol';

/** What payloads and pulled data were checked with before: every key and value parsed into a copy. */
const RECORD = z.record(z.string(), z.unknown());

describe('JsonObject (a payload, a pulled record)', () => {
  it('takes exactly the JSON values z.record took, and hands on the same fields, but an own __proto__', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const now = JsonObject.safeParse(value);
        // z.record copied the fields by assignment, so an own __proto__ became the copy's prototype.
        if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
          expect(now.success).toBe(false);
          return;
        }
        const before = RECORD.safeParse(value);
        expect(now.success).toBe(before.success);
        if (now.success) expect(now.data).toEqual(before.data);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a payload that arrived with a "__proto__" field, saying so', () => {
    const parsed: unknown = JSON.parse('{"id":"p-1","__proto__":{"admin":true}}');
    const result = JsonObject.safeParse(parsed);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Expected an object with no "__proto__" field');
    expect(JsonObject.safeParse(JSON.parse('{"id":"p-1","nested":{"__proto__":1}}')).success).toBe(true);
  });

  it('refuses a pulled record whose data is a list, and a mutation whose payload is text, at that field', () => {
    const change = { seq: 1, entity: 'applicant', id: 'p-1', version: 1 };
    expect(Change.safeParse({ ...change, data: ['Коваль'] }).error?.issues[0]?.path).toEqual(['data']);
    expect(Change.safeParse({ ...change, data: null }).success).toBe(true);
    const mutation = {
      mutationId: '0b5e3c1a-7c55-4b7e-9a36-3d5b1f0c2a11',
      aggregate: 'applicant:p-1',
      prevMutationId: null,
      baseVersion: null,
      kind: 'applicant.create',
      actor: 'clerk-1',
      createdAt: '2026-12-04T10:00:00.000Z',
    };
    expect(Mutation.safeParse({ ...mutation, payload: 'Коваль' }).error?.issues[0]?.path).toEqual(['payload']);
    expect(Mutation.safeParse({ ...mutation, payload: { id: 'p-1' } }).success).toBe(true);
  });
});
