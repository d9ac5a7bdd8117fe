import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countAxis } from '../../../../renderer/src/features/review/count-axis';

const HEIGHT = 172;

describe('a review chart’s count axis', () => {
  it('ticks whole numbers from 0 up to a round end at or above the largest count', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2_000_000 }), (max) => {
        const { scale, ticks } = countAxis(max, HEIGHT);
        expect(ticks.every((tick) => Number.isInteger(tick))).toBe(true);
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(Math.max(1, max));
        // The grid ends on the last tick: the axis's top is a labelled line, not an unnamed gap.
        expect(scale.domain()).toEqual([0, ticks.at(-1)]);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(11);
        expect(scale(0)).toBe(HEIGHT);
        expect(scale(ticks.at(-1)!)).toBe(0);
      }),
    );
  });

  it('counts one by one over a small range, where d3 alone would step by halves', () => {
    expect(countAxis(2, HEIGHT).ticks).toEqual([0, 1, 2]);
    expect(countAxis(0, HEIGHT).ticks).toEqual([0, 1]);
  });
});
