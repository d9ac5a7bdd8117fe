// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import '../dom-setup';
import { ReviewChart } from '../../../../renderer/src/features/review/ReviewChart';
import { useLanguageStore } from '../../../../renderer/src/i18n/language-store';

const ROWS = [
  { label: '9:00', value: 1 },
  { label: '10:00', value: 2 },
  { label: '11:00', value: 0 },
];

function renderChart(rows = ROWS) {
  return render(<ReviewChart id="by-hour" title="Відвідувачі за годинами" labelHeader="Година" valueHeader="Талонів" rows={rows} />);
}

/** The drawn bars, left to right: visx draws each as a rect with its own <title>. */
function bars(container: HTMLElement) {
  return [...container.querySelectorAll<SVGRectElement>('rect.visx-bar')];
}

/** The value shown over the chosen bar, or null when none is chosen. */
const shownValue = (container: HTMLElement) => container.querySelector('.review-chart-value')?.textContent ?? null;

afterEach(() => act(() => useLanguageStore.setState({ language: 'uk' })));

describe('the review chart', () => {
  it('draws one bar per row, as tall as its value, named by its figures', () => {
    const { container } = renderChart();
    const picture = screen.getByRole('img', { name: 'Відвідувачі за годинами: 9:00 — 1; 10:00 — 2; 11:00 — 0' });
    expect(picture.getAttribute('aria-roledescription')).toBe('стовпчикова діаграма');
    expect(bars(container).map((bar) => bar.querySelector('title')?.textContent)).toEqual(['9:00 — 1', '10:00 — 2', '11:00 — 0']);
    const [one, two, zero] = bars(container).map((bar) => Number(bar.getAttribute('height')));
    expect(two).toBeGreaterThan(one!);
    expect(one).toBeCloseTo(two! / 2);
    expect(zero).toBe(0);
    expect(bars(container).every((bar) => bar.getAttribute('fill') === 'var(--accent)')).toBe(true);
  });

  it('labels the bars and ticks whole numbers only, over a dashed grid', () => {
    const { container } = renderChart();
    const ticks = [...container.querySelectorAll('.visx-axis-tick')].map((tick) => tick.textContent);
    // The left axis (0, 1, 2: no 0.5 or 1.5 for a count) and the bottom axis's labels.
    expect(ticks).toEqual(['0', '1', '2', '9:00', '10:00', '11:00']);
    const gridLines = container.querySelectorAll('.visx-rows line');
    expect(gridLines).toHaveLength(3);
    expect(gridLines[0]?.getAttribute('stroke-dasharray')).toBe('3 3');
  });

  it('shows each bar’s exact value from the keyboard: one tab stop, arrows, Home and End', async () => {
    const user = userEvent.setup();
    const { container } = renderChart();
    expect(shownValue(container)).toBeNull();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('img'));
    expect(shownValue(container)).toBe('1');
    await user.keyboard('{ArrowRight}');
    expect(shownValue(container)).toBe('2');
    await user.keyboard('{End}');
    expect(shownValue(container)).toBe('0');
    await user.keyboard('{ArrowRight}');
    expect(shownValue(container)).toBe('0');
    await user.keyboard('{ArrowLeft}');
    expect(shownValue(container)).toBe('2');
    await user.keyboard('{Home}');
    expect(shownValue(container)).toBe('1');
    await user.keyboard('{ArrowLeft}');
    expect(shownValue(container)).toBe('1');
    await user.tab();
    expect(shownValue(container)).toBeNull();
  });

  it('shows a bar’s value under the pointer and hides it when the pointer leaves', async () => {
    const user = userEvent.setup();
    const { container } = renderChart();
    await user.hover(bars(container)[1]!);
    expect(shownValue(container)).toBe('2');
    await user.unhover(screen.getByRole('img'));
    expect(shownValue(container)).toBeNull();
  });

  it('keeps the same figures in a table', async () => {
    const user = userEvent.setup();
    renderChart();
    const figure = screen.getByRole('figure', { name: 'Відвідувачі за годинами' });
    await user.click(within(figure).getByText('Ті самі дані таблицею'));
    const table = within(figure).getByRole('table', { name: 'Відвідувачі за годинами' });
    const cells = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(cells).toEqual([
      ['Година', 'Талонів'],
      ['9:00', '1'],
      ['10:00', '2'],
      ['11:00', '0'],
    ]);
  });

  it('says there is nothing to draw for an empty period, and draws nothing', () => {
    renderChart([]);
    const figure = screen.getByRole('figure', { name: 'Відвідувачі за годинами' });
    expect(within(figure).getByText('За цей період даних немає.')).toBeTruthy();
    expect(within(figure).queryByRole('img')).toBeNull();
    expect(within(figure).queryByRole('table')).toBeNull();
  });

  it('speaks English when the clerk chose it', () => {
    act(() => useLanguageStore.setState({ language: 'en' }));
    renderChart();
    expect(screen.getByRole('img').getAttribute('aria-roledescription')).toBe('bar chart');
    expect(screen.getByText('The same data as a table')).toBeTruthy();
  });
});
