import { scaleLinear } from '@visx/scale';

/** About this many ticks on a count axis, as Recharts drew. */
const TICKS = 5;

/**
 * The value axis of a review chart, which counts people and applications: it starts at 0, ends on
 * a round number at or above the largest count, and ticks whole numbers only (d3 steps a 0–2
 * range by 0.5, and a tick at 1.5 would read as half a visitor). Asking for no more ticks than
 * the range has units keeps d3's step at 1 or more; the filter is the guarantee.
 */
export function countAxis(max: number, height: number) {
  const count = Math.max(1, Math.min(TICKS, Math.ceil(max)));
  const scale = scaleLinear({ domain: [0, Math.max(1, max)], range: [height, 0], nice: count });
  return { scale, ticks: scale.ticks(count).filter((tick) => Number.isInteger(tick)) };
}
