// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { deskApi, must } from '../desk-backend';
import '../dom-setup';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { CalendarDialog } from '../../../../renderer/src/features/calendar/CalendarDialog';

const YEAR = new Date().getFullYear();

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Відкрити календар
      </button>
      <CalendarDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

beforeAll(async () => {
  // The desk's local clerk, as the shell loads it: a supervisor, who may edit the calendar.
  const clerk = await must(deskApi.call('clerk.me', {}));
  act(() => useShellStore.setState({ clerk }));
});

describe('the calendar dialog', () => {
  it('starts empty for the year, adds a day, removes it only after a confirmation, and closes on Esc', async () => {
    const user = userEvent.setup();
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'Відкрити календар' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Календар робочих днів' });
    expect(await within(dialog).findByText(new RegExp(`На ${YEAR} рік окремих днів не налаштовано`))).toBeTruthy();
    expect(within(dialog).getByLabelText('Рік')).toHaveProperty('value', String(YEAR));

    const date = within(dialog).getByLabelText('Дата');
    await user.type(date, `31.02.${YEAR}`);
    await user.click(within(dialog).getByRole('button', { name: 'Додати' }));
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(date);

    await user.clear(date);
    await user.type(date, `25.12.${YEAR}`);
    await user.type(within(dialog).getByLabelText('Назва'), 'Різдво');
    await user.click(within(dialog).getByRole('button', { name: 'Додати' }));
    const table = await within(dialog).findByRole('table', { name: `Налаштовані дні ${YEAR} року` });
    const row = within(table).getByRole('row', { name: /Різдво/ });
    expect(within(row).getByRole('rowheader').textContent).toBe(`25.12.${YEAR}`);

    await user.click(within(row).getByRole('button', { name: `Видалити 25.12.${YEAR}` }));
    expect(within(dialog).getByRole('table', { name: `Налаштовані дні ${YEAR} року` })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: `Так, видалити 25.12.${YEAR}` }));
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe(`День 25.12.${YEAR} вилучено з календаря.`));
    await waitFor(() => expect(within(dialog).queryByRole('table', { name: `Налаштовані дні ${YEAR} року` })).toBeNull());

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
  it('has the martial-law switch on by default: the template’s days are worked; off, they are days off', async () => {
    const user = userEvent.setup();
    render(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Відкрити календар' }));
    const dialog = screen.getByRole('dialog', { name: 'Календар робочих днів' });
    expect(within(dialog).getByText(/Строки нових звернень розраховуються за календарем одразу/)).toBeTruthy();
    const toggle = await within(dialog).findByRole('checkbox', { name: 'Воєнний стан: святкові дні є робочими' });
    expect(toggle).toHaveProperty('checked', true);
    expect(toggle.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(dialog).getByText(/ст\. 73 КЗпП не застосовується/)).toBeTruthy();
    expect(within(dialog).getByText('Робоче місце працює автономно: календар зберігається лише на ньому.')).toBeTruthy();

    const template = await within(dialog).findByRole('table', { name: `Державні свята ${YEAR} року (ст. 73 КЗпП) і перенесення (ст. 67)` });
    // Easter always falls on a Sunday, so its transfer is a weekday: the switch decides it.
    const easterMonday = () => within(template).getByRole('row', { name: /перенесення вихідного: Великдень/ });
    expect(within(easterMonday()).getAllByRole('cell').at(-1)?.textContent).toBe('робочий (воєнний стан)');
    expect(within(template).getByRole('row', { name: /Новий рік/ })).toBeTruthy();

    toggle.focus();
    await user.keyboard(' ');
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe('Святкові дні та їх перенесення тепер вихідні.'));
    await waitFor(() => expect(within(easterMonday()).getAllByRole('cell').at(-1)?.textContent).toBe('вихідний'));
    expect(within(dialog).getByRole('checkbox', { name: 'Воєнний стан: святкові дні є робочими' })).toHaveProperty('checked', false);

    await user.click(within(dialog).getByRole('checkbox', { name: 'Воєнний стан: святкові дні є робочими' }));
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe('Воєнний стан: святкові дні тепер робочі.'));
    await waitFor(() => expect(within(easterMonday()).getAllByRole('cell').at(-1)?.textContent).toBe('робочий (воєнний стан)'));
    await user.keyboard('{Escape}');
  });

  it('warns when a day off is set on a Saturday or Sunday and offers the art. 67 transfer', async () => {
    const user = userEvent.setup();
    render(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Відкрити календар' }));
    const dialog = screen.getByRole('dialog', { name: 'Календар робочих днів' });
    await within(dialog).findByRole('checkbox', { name: 'Воєнний стан: святкові дні є робочими' });
    // The first Saturday of June: the Monday after it is an ordinary weekday (Trinity Monday is in
    // the table, but under martial law it is worked, and the transfer skips only days off).
    const saturday = new Date(Date.UTC(YEAR, 5, 1));
    saturday.setUTCDate(1 + ((6 - saturday.getUTCDay() + 7) % 7));
    const monday = new Date(saturday.getTime() + 2 * 86_400_000);
    const ddmmyyyy = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('.');

    const date = within(dialog).getByLabelText('Дата');
    await user.type(date, ddmmyyyy(saturday));
    const warning = within(dialog).getByText(/вихідний і так/);
    expect(warning.textContent).toContain(`${ddmmyyyy(saturday)} — субота`);
    expect(warning.textContent).toContain(`наступний робочий день — ${ddmmyyyy(monday)}`);
    expect(date.getAttribute('aria-describedby')).toContain(warning.id);

    await user.click(within(dialog).getByRole('button', { name: `Взяти ${ddmmyyyy(monday)}` }));
    expect(date).toHaveProperty('value', ddmmyyyy(monday));
    expect(within(dialog).queryByText(/вихідний і так/)).toBeNull();
    expect(document.activeElement).toBe(date);

    // A worked day on a Saturday is what a transfer is for: no warning.
    await user.clear(date);
    await user.type(date, ddmmyyyy(saturday));
    await user.selectOptions(within(dialog).getByLabelText('Вид дня'), 'working_day');
    expect(within(dialog).queryByText(/вихідний і так/)).toBeNull();
    await user.keyboard('{Escape}');
  });

  it('shows a clerk the switch and the template but lets only a supervisor turn it', async () => {
    const supervisor = useShellStore.getState().clerk!;
    act(() => useShellStore.setState({ clerk: { ...supervisor, roles: ['clerk'] } }));
    try {
      const user = userEvent.setup();
      render(<Opener />);
      await user.click(screen.getByRole('button', { name: 'Відкрити календар' }));
      const dialog = screen.getByRole('dialog', { name: 'Календар робочих днів' });
      const toggle = await within(dialog).findByRole('checkbox', { name: 'Воєнний стан: святкові дні є робочими' });
      expect(toggle).toHaveProperty('disabled', true);
      expect(within(dialog).getByText('Змінювати календар може лише керівник зміни.')).toBeTruthy();
      await user.keyboard('{Escape}');
    } finally {
      act(() => useShellStore.setState({ clerk: supervisor }));
    }
  });
});
