import { AxisBottom, AxisLeft } from '@visx/axis';
import { GridRows } from '@visx/grid';
import { Group } from '@visx/group';
import { scaleBand } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { countAxis } from './count-axis';

export interface ChartRow {
  label: string;
  value: number;
}

interface BarPlotProps {
  /** The picture's accessible name: the chart's title. */
  title: string;
  rows: readonly ChartRow[];
}

const HEIGHT = 220;
/** Each bar's slot; the plot is never narrower than MIN_WIDTH, as under Recharts. */
const SLOT = 56;
const MIN_WIDTH = 320;
// Room for the value over the tallest bar (top), the y ticks (left) and the x labels (bottom).
const MARGIN = { top: 20, right: 8, bottom: 28, left: 40 };

const TICK_LABEL = { fill: 'var(--muted)', fontSize: 12 };

/** "9:00 — 3": how a bar reads in the picture's name and in its own <title>. */
const barText = (row: ChartRow) => `${row.label} — ${row.value}`;

/**
 * The bars drawn with visx (scales, axes, grid and rects; layout is ours, drawing is the
 * library's). The picture is one tab stop: ←/→, Home and End move between bars, pointing at a
 * bar does the same, and the chosen bar shows its exact value above it. Its accessible name
 * lists every figure, so a screen reader hears them all at once.
 */
export function BarPlot({ title, rows }: BarPlotProps) {
  const t = useT();
  const [active, setActive] = useState<number | null>(null);
  const width = Math.max(MIN_WIDTH, rows.length * SLOT);
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand({ domain: rows.map((r) => r.label), range: [0, innerWidth], padding: 0.2 });
  const { scale: y, ticks } = countAxis(Math.max(0, ...rows.map((r) => r.value)), innerHeight);
  const last = rows.length - 1;

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: Math.min(last, (active ?? -1) + 1),
      ArrowLeft: Math.max(0, (active ?? 1) - 1),
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
  };

  return (
    <svg
      className="review-chart-plot"
      width={width}
      height={HEIGHT}
      role="img"
      aria-label={`${title}: ${rows.map(barText).join('; ')}`}
      aria-roledescription={t('review.chart.role')}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => setActive((index) => index ?? 0)}
      onBlur={() => setActive(null)}
      onPointerLeave={() => setActive(null)}
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        <GridRows scale={y} width={innerWidth} tickValues={ticks} stroke="var(--border)" strokeDasharray="3 3" />
        {rows.map((row, index) => {
          const barX = x(row.label) ?? 0;
          const barY = y(row.value);
          return (
            <g
              key={row.label}
              className={index === active ? 'review-chart-bar is-active' : 'review-chart-bar'}
              onPointerEnter={() => setActive(index)}
            >
              <Bar x={barX} y={barY} width={x.bandwidth()} height={innerHeight - barY} fill="var(--accent)">
                <title>{barText(row)}</title>
              </Bar>
              {index === active && (
                <text className="review-chart-value" x={barX + x.bandwidth() / 2} y={barY - 4} textAnchor="middle">
                  {row.value}
                </text>
              )}
            </g>
          );
        })}
        <AxisLeft
          scale={y}
          tickValues={ticks}
          tickFormat={(value) => String(value)}
          stroke="var(--muted)"
          tickStroke="var(--muted)"
          tickLabelProps={TICK_LABEL}
        />
        <AxisBottom top={innerHeight} scale={x} stroke="var(--muted)" tickStroke="var(--muted)" tickLabelProps={TICK_LABEL} />
      </Group>
    </svg>
  );
}
