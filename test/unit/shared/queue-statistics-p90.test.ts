import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRank } from '../../../shared/queue-statistics';

/** The definition, not the arithmetic: the smallest value that at least p of all values are at or below. */
function reference(values: readonly number[], p: number): number | null {
  const candidates = values.filter((x) => values.filter((y) => y <= x).length >= p * values.length);
  return candidates.length === 0 ? null : Math.min(...candidates);
}

describe('the 90th percentile of waiting and service times (nearest rank)', () => {
  it('is the smallest time that 90% of the times are at or below', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 7200 }), { maxLength: 60 }), (values) => {
        expect(nearestRank(values, 0.9)).toBe(reference(values, 0.9));
      }),
    );
  });

  it('is one of the times, never more than the longest nor less than the shortest', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }), (values) => {
        const p90 = nearestRank(values, 0.9)!;
        expect(values).toContain(p90);
        expect(p90).toBeLessThanOrEqual(Math.max(...values));
        expect(p90).toBeGreaterThanOrEqual(Math.min(...values));
      }),
    );
  });
});
