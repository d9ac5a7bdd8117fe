// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../dom-setup';
import { answers, callsOf, clerkWith, resetScripts, script, signedIn } from './scripted-api';
import { AuthGate } from '../../../../renderer/src/app/AuthGate';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { followAuth, useAuthStore } from '../../../../renderer/src/features/auth/auth-store';
import { startNewIntake } from '../../../../renderer/src/features/intake/intake-store';
import { useLanguageStore } from '../../../../renderer/src/i18n/language-store';
import { appInfo } from '../../../helpers/app-info';

vi.mock('../../../../renderer/src/api', async () => ({ api: (await import('./scripted-api')).scriptedApi }));

const CLERK = clerkWith(['clerk']);
const LOCKED = { status: 'locked' as const, clerk: CLERK, pinAllowed: false };

beforeEach(() => {
  resetScripts();
  useLanguageStore.setState({ language: 'uk' });
  useShellStore.setState({ clerk: null, screen: 'intake' });
  useAuthStore.setState({ auth: null, loadError: null, windowClerkId: null, reloadWindow: vi.fn() });
  answers('drafts.get', null);
  answers('app.info', appInfo());
  // Each test types into an intake of its own.
  startNewIntake();
});

async function intakeWithTypedName() {
  const user = userEvent.setup();
  act(() => followAuth(signedIn(['clerk'])));
  render(<AuthGate />);
  const search = await screen.findByRole('combobox', { name: 'Пошук заявника' });
  await user.type(search, 'Шевченко Тарас');
  return { user, search };
}

describe('the lock', () => {
  it('Ctrl+L locks over the intake; the typed name is there, with the cursor in it, after the clerk’s own password', async () => {
    const { user, search } = await intakeWithTypedName();
    answers('auth.lock', LOCKED);
    await user.keyboard('{Control>}l{/Control}');
    expect(callsOf('auth.lock')).toHaveLength(1);
    const lock = await screen.findByRole('dialog', { name: 'Робоче місце заблоковано' });
    expect(lock.textContent).toContain('Працює: Коваль Олена Петрівна');
    // The app is still there under the lock, out of reach of the keyboard and of screen readers.
    expect(search.isConnected).toBe(true);
    expect(search.closest('[inert]')).not.toBeNull();
    expect(lock.closest('[inert]')).toBeNull();

    const secret = screen.getByLabelText('Пароль');
    expect(document.activeElement).toBe(secret);
    script('auth.unlock', () => ({ ok: true, value: { outcome: 'refused', reason: 'wrong_secret', until: null, attemptsLeft: 4 } }));
    await user.type(secret, 'not-mine{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Неправильний логін або пароль.');

    script('auth.unlock', () => ({ ok: true, value: { outcome: 'signed_in', state: signedIn(['clerk']) } }));
    await user.type(secret, 'mine-1234{Enter}');
    expect(callsOf('auth.unlock')).toEqual([{ secret: 'not-mine' }, { secret: 'mine-1234' }]);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Робоче місце заблоковано' })).toBeNull());
    expect(screen.getByRole('combobox', { name: 'Пошук заявника' })).toBe(search);
    expect(search).toHaveProperty('value', 'Шевченко Тарас');
    expect(search.closest('[inert]')).toBeNull();
    expect(document.activeElement).toBe(search);
    expect(useAuthStore.getState().reloadWindow).not.toHaveBeenCalled();
  });

  it('follows a lock from another window of the desk (auth.changed), and the header’s button locks too', async () => {
    const { user, search } = await intakeWithTypedName();
    act(() => followAuth(LOCKED));
    expect(screen.getByRole('dialog', { name: 'Робоче місце заблоковано' })).toBeTruthy();
    act(() => followAuth(signedIn(['clerk'])));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(search).toHaveProperty('value', 'Шевченко Тарас');

    answers('auth.lock', LOCKED);
    await user.click(screen.getByRole('button', { name: 'Заблокувати (Ctrl+L)' }));
    expect(await screen.findByRole('dialog', { name: 'Робоче місце заблоковано' })).toBeTruthy();
  });

  it('«Увійти іншим працівником» signs another clerk in, and the window starts afresh for them', async () => {
    const { user } = await intakeWithTypedName();
    act(() => followAuth(LOCKED));
    await user.click(screen.getByRole('button', { name: 'Увійти іншим працівником' }));
    expect(screen.getByText(/незбережене на екрані Коваль Олена Петрівна буде закрито/)).toBeTruthy();
    const other = { ...clerkWith(['clerk', 'supervisor'], 'Мельник Андрій'), id: 'clerk-other' };
    script('auth.signIn', () => ({ ok: true, value: { outcome: 'signed_in', state: { ...signedIn([]), clerk: other } } }));
    await user.type(screen.getByLabelText('Логін'), 'melnyk');
    await user.type(screen.getByLabelText('Пароль'), 'his-own-1{Enter}');
    expect(callsOf('auth.signIn')).toEqual([{ login: 'melnyk', secret: 'his-own-1' }]);
    await waitFor(() => expect(useAuthStore.getState().reloadWindow).toHaveBeenCalledTimes(1));
  });
});
