// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import './dom-setup';
import { BarsSvg, wholeTicks } from '../../../renderer/src/features/review/BarsSvg';

describe('the review screen’s bar chart', () => {
  it('ticks are whole numbers from 0, evenly spaced, reaching the largest value in at most six steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (max) => {
        const ticks = wholeTicks(max);
        expect(ticks[0]).toBe(0);
        expect(ticks.every(Number.isInteger)).toBe(true);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeLessThanOrEqual(6);
        const step = ticks[1]! - ticks[0]!;
        expect(ticks.every((t, i) => t === i * step)).toBe(true);
        // No tick is wasted above the first that covers the largest value.
        expect(ticks.at(-2)).toBeLessThan(max);
      }),
    );
  });

  it('is one named image, a bar per row, as tall as its value', () => {
    const rows = [
      { label: 'Коваль О.', value: 2 },
      { label: 'Мельник А.', value: 4 },
    ];
    render(<BarsSvg rows={rows} label="Звернення за працівниками: Коваль О. — 2; Мельник А. — 4" />);
    const chart = screen.getByRole('img', { name: /Мельник А\. — 4/ });
    const bars = [...chart.querySelectorAll('rect')];
    expect(bars.map((b) => b.querySelector('title')?.textContent)).toEqual(['Коваль О. — 2', 'Мельник А. — 4']);
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    expect(heights[1]).toBeCloseTo(2 * heights[0]!);
    expect(heights[0]).toBeGreaterThan(0);
  });
});
