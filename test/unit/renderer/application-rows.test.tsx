// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import './dom-setup';
import { useLayoutStandIn } from './layout-stand-in';
import type { ApplicationSummary } from '../../../shared/domain/application';
import { ApplicationRows } from '../../../renderer/src/features/applications/ApplicationRows';

const DAY = 10_000;
/** The scroll a key starts settles over a few frames; a loaded machine needs longer than waitFor's default second. */
const SETTLED = { timeout: 5000 };

function todays(count: number): ApplicationSummary[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `app-${i}`,
    regNumber: `KV01-07-20261204-${String(i + 1).padStart(5, '0')}`,
    status: 'registered',
    serviceName: { uk: 'Реєстрація місця проживання', en: 'Residence registration' },
    applicantName: `Заявник ${i + 1}`,
    registeredAt: '2026-12-04T08:00:00.000Z',
    registeredOn: '2026-12-04',
    dueDate: '2026-12-05',
    deadline: null,
    sync: 'local',
    flags: { handoffOverdue: false, dueSoon: false, overdue: false },
  }));
}

/** The list's props for rows all at hand. */
function atHand(rows: readonly ApplicationSummary[]) {
  return { count: rows.length, rowAt: (index: number) => rows[index] };
}

const row = (n: number) => screen.getByRole('button', { name: new RegExp(`-${String(n).padStart(5, '0')}\\D`) });

// Ten thousand rows in jsdom and a scroll per key: slower than the unit default on a loaded machine.
describe('the applications list (virtualised)', { timeout: 30_000 }, () => {
  // 900 px of list, 100 px a row: what a desk window shows.
  useLayoutStandIn({ height: 900, boxPx: 100 });

  it('draws only the rows in view of a 10,000-row day, each telling its place in the whole list', () => {
    render(<ApplicationRows {...atHand(todays(DAY))} selected={null} onSelect={() => undefined} labelledBy="caption" />);
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(5);
    expect(items.length).toBeLessThan(40);
    expect(items[0]?.getAttribute('aria-posinset')).toBe('1');
    for (const item of items) expect(item.getAttribute('aria-setsize')).toBe(String(DAY));
    expect(row(1)).toBeTruthy();
    expect(screen.queryByRole('button', { name: new RegExp(`-${DAY}\\D`) })).toBeNull();
  });

  it('moves between rows from the keyboard, drawing the row it moves to, and a click or Enter picks one', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<ApplicationRows {...atHand(todays(DAY))} selected={null} onSelect={onSelect} labelledBy="caption" />);
    row(1).focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(row(2));
    await user.keyboard('{End}');
    await waitFor(() => expect(document.activeElement).toBe(row(DAY)), SETTLED);
    expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe(String(DAY));
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement).toBe(row(DAY - 1)), SETTLED);
    await user.keyboard('{PageUp}');
    await waitFor(() => expect(document.activeElement).toBe(row(DAY - 11)), SETTLED);
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith(`app-${DAY - 12}`);
    await user.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement).toBe(row(1)), SETTLED);
    await user.click(row(3));
    expect(onSelect).toHaveBeenLastCalledWith('app-2');
  });

  it('stands a placeholder, named for a screen reader, for each row not arrived, and says which rows it draws', async () => {
    const user = userEvent.setup();
    const rows = todays(DAY);
    const onRange = vi.fn();
    const props = { count: DAY, onRange, selected: null, onSelect: () => undefined, labelledBy: 'caption' };
    const { rerender } = render(<ApplicationRows {...props} rowAt={(index) => (index < 100 ? rows[index] : undefined)} />);
    const [first, last] = onRange.mock.lastCall ?? [];
    expect(first).toBe(0);
    expect(last).toBeGreaterThan(5);
    expect(last).toBeLessThan(40);
    row(1).focus();
    await user.keyboard('{End}');
    const waiting = await screen.findAllByText('завантаження…');
    expect(waiting[0]?.closest('li')?.getAttribute('aria-setsize')).toBe(String(DAY));
    await waitFor(() => expect(onRange).toHaveBeenLastCalledWith(expect.any(Number), DAY - 1), SETTLED);
    // The last rows arrive: drawn in place of their placeholders, and the focus the End key asked for lands on the last.
    rerender(<ApplicationRows {...props} rowAt={(index) => (index < 100 || index >= DAY - 100 ? rows[index] : undefined)} />);
    await waitFor(() => expect(document.activeElement).toBe(row(DAY)), SETTLED);
    expect(screen.queryByText('завантаження…')).toBeNull();
  });

  it('marks the chosen application as current', () => {
    render(<ApplicationRows {...atHand(todays(20))} selected="app-4" onSelect={() => undefined} labelledBy="caption" />);
    expect(row(5).getAttribute('aria-current')).toBe('true');
    expect(row(4).getAttribute('aria-current')).toBeNull();
  });
});
