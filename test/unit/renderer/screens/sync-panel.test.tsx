// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { deskApi, must } from '../desk-backend';
import '../dom-setup';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { SyncPanel } from '../../../../renderer/src/features/sync/SyncPanel';
import { registerThroughIntake } from './register-through-intake';

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Синхронізація: автономний режим
      </button>
      <SyncPanel open={open} stateText="sync.standalone" onClose={() => setOpen(false)} />
    </>
  );
}

beforeAll(async () => {
  const clerk = await must(deskApi.call('clerk.me', {}));
  act(() => useShellStore.setState({ clerk }));
});

// One test registers through the intake form first (every checklist line ticked): longer than the unit default.
describe('the sync panel', { timeout: 30_000 }, () => {
  it('on a fresh standalone desk: nothing waiting, nothing to press; Esc gives focus back', async () => {
    const user = userEvent.setup();
    render(<Opener />);
    const opener = screen.getByRole('button', { name: /Синхронізація: автономний режим/ });
    await user.click(opener);
    const panel = screen.getByRole('dialog', { name: 'Синхронізація' });
    expect(await within(panel).findByText('Немає змін, що очікують надсилання.')).toBeTruthy();
    expect(panel.textContent).toContain('Стан: автономний режим');
    expect(within(panel).queryByRole('button', { name: 'Синхронізувати зараз' })).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('lists a registration waiting to be sent; the close button closes it', async () => {
    const user = userEvent.setup();
    await registerThroughIntake(user, 'Кравець Оксана');
    render(<Opener />);
    await user.click(screen.getByRole('button', { name: /Синхронізація: автономний режим/ }));
    const panel = screen.getByRole('dialog', { name: 'Синхронізація' });
    const pending = await within(panel).findByRole('list', { name: 'Очікують надсилання' });
    expect(within(pending).getAllByText('Реєстрація звернення')).toHaveLength(1);
    await user.click(within(panel).getByRole('button', { name: 'Закрити' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
