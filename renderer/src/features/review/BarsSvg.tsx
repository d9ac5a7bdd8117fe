import type { ChartRow } from './ReviewChart';

const HEIGHT = 220;
const BAR_SLOT = 56;
const MIN_WIDTH = 320;
/** Room for the value axis on the left and the category labels below. */
const LEFT = 36;
const BOTTOM = 28;
const TOP = 8;
const LABEL_CHARS = 8;

/** Whole-number ticks from 0 to at least `max`: a count of applications has no halves. */
export function wholeTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 4));
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}

/**
 * A plain SVG bar chart of a few whole-number counts (issue 17): the charting library it
 * replaces was a third of the renderer's JavaScript budget for this one picture. The picture is
 * one image with the figures in its name; the table beside it (ReviewChart) holds them too.
 */
export function BarsSvg({ rows, label }: { rows: readonly ChartRow[]; label: string }) {
  const width = Math.max(MIN_WIDTH, LEFT + rows.length * BAR_SLOT);
  const scale = wholeTicks(Math.max(1, ...rows.map((r) => r.value)));
  const top = scale[scale.length - 1] ?? 1;
  const plot = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + plot - (value / top) * plot;
  return (
    <svg className="review-bars" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={label}>
      {scale.map((tick) => (
        <g key={tick}>
          <line className="review-bars-grid" x1={LEFT} x2={width} y1={y(tick)} y2={y(tick)} />
          <text className="review-bars-tick" x={LEFT - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">
            {tick}
          </text>
        </g>
      ))}
      {rows.map((row, i) => {
        const x = LEFT + i * BAR_SLOT;
        return (
          <g key={row.label}>
            <rect className="review-bars-bar" x={x + 8} y={y(row.value)} width={BAR_SLOT - 16} height={y(0) - y(row.value)}>
              <title>{`${row.label} — ${row.value}`}</title>
            </rect>
            <text className="review-bars-label" x={x + BAR_SLOT / 2} y={HEIGHT - BOTTOM / 2} textAnchor="middle" dominantBaseline="middle">
              {row.label.length > LABEL_CHARS ? `${row.label.slice(0, LABEL_CHARS - 1)}…` : row.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
