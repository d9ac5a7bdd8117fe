import { useT } from '../../i18n/use-t';
import { BarPlot } from './BarPlot';
import type { ChartRow } from './BarPlot';

interface ReviewChartProps {
  id: string;
  title: string;
  /** The category column's header in the table fallback. */
  labelHeader: string;
  valueHeader: string;
  rows: readonly ChartRow[];
}

/**
 * A bar chart with an accessible name (the title) and the same figures as a table for screen
 * readers and for reading exact numbers: the chart is a picture of the table, never the only copy.
 */
export function ReviewChart({ id, title, labelHeader, valueHeader, rows }: ReviewChartProps) {
  const t = useT();
  const titleId = `${id}-title`;
  return (
    <figure className="review-chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      {rows.length === 0 ? (
        <p className="muted">{t('review.chart.empty')}</p>
      ) : (
        <>
          <BarPlot title={title} rows={rows} />
          <details className="review-chart-table">
            <summary>{t('review.chart.asTable')}</summary>
            <table className="kit-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{labelHeader}</th>
                  <th scope="col">{valueHeader}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>{row.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
