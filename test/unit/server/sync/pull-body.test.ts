import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pullBody } from '../../../../server/sync/pull-body';
import type { PullPage } from '../../../../server/sync/pull';

const Data = fc.dictionary(fc.string(), fc.jsonValue());
const ChangeArb = fc.record({
  seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  entity: fc.string(),
  id: fc.string(),
  version: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  data: Data,
});

describe('the pull answer written as text', () => {
  it('is the JSON of the page with each record’s stored JSON text in its place, whatever the ids and data hold', () => {
    fc.assert(
      fc.property(fc.array(ChangeArb, { maxLength: 6 }), fc.nat(), fc.boolean(), fc.string(), (changes, cursor, hasMore, serverTime) => {
        // As PostgreSQL writes jsonb out: its own spacing, which the body keeps as it is.
        const page: PullPage = { changes: changes.map((c) => ({ ...c, data: JSON.stringify(c.data, null, 1) })), cursor, hasMore };
        // Compared with JSON.stringify's own output: JSON has no -0, which fc.jsonValue can generate.
        const expected: unknown = JSON.parse(JSON.stringify({ changes, cursor, hasMore, serverTime }));
        expect(JSON.parse(pullBody(page, serverTime))).toEqual(expected);
      }),
    );
  });

  it('writes an empty page as an empty list', () => {
    expect(pullBody({ changes: [], cursor: 7, hasMore: false }, 'T')).toBe('{"changes":[],"cursor":7,"hasMore":false,"serverTime":"T"}');
  });
});
