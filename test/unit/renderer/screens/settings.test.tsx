// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { deskApi, must } from '../desk-backend';
import '../dom-setup';
import { ClerkSettings } from '../../../../renderer/src/app/ClerkSettings';
import { useShellStore } from '../../../../renderer/src/app/shell-store';

beforeAll(async () => {
  const [clerk, sync] = await Promise.all([must(deskApi.call('clerk.me', {})), must(deskApi.call('sync.status', {}))]);
  act(() => useShellStore.setState({ clerk, sync }));
});

describe('the settings dialog', () => {
  it('opens on the name, refuses an empty one at the field, saves a new one, and says the desk is standalone', async () => {
    const user = userEvent.setup();
    render(<ClerkSettings />);
    const opener = screen.getByRole('button', { name: 'Налаштування' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Налаштування робочого місця' });
    const name = within(dialog).getByLabelText('ПІБ адміністратора');
    expect(document.activeElement).toBe(name);
    expect(within(dialog).getByText(/Бек-офіс не налаштовано/)).toBeTruthy();

    await user.clear(name);
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const error = within(dialog).getByText('Вкажіть ПІБ');
    expect(name.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);

    await user.type(name, 'Петренко Ольга Іванівна');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByLabelText('Працює').textContent).toBe('Петренко Ольга Іванівна');
    expect((await must(deskApi.call('clerk.me', {}))).fullName).toBe('Петренко Ольга Іванівна');
    expect(document.activeElement).toBe(opener);
  });
});
