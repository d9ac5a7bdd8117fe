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
    expect(within(dialog).getByRole('table')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: `Так, видалити 25.12.${YEAR}` }));
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe(`День 25.12.${YEAR} вилучено з календаря.`));
    await waitFor(() => expect(within(dialog).queryByRole('table')).toBeNull());

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
