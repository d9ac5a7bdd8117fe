// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../dom-setup';
import { answers, callsOf, resetScripts, script, signedIn } from './scripted-api';
import type { SignInResult } from '../../../../shared/auth';
import { AuthGate } from '../../../../renderer/src/app/AuthGate';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { followAuth, useAuthStore } from '../../../../renderer/src/features/auth/auth-store';
import { useLanguageStore } from '../../../../renderer/src/i18n/language-store';
import { formatDateTime } from '../../../../renderer/src/lib/format';

vi.mock('../../../../renderer/src/api', async () => ({ api: (await import('./scripted-api')).scriptedApi }));

const refused = (
  reason: Extract<SignInResult, { outcome: 'refused' }>['reason'],
  more: { until?: string; attemptsLeft?: number } = {},
) => ({
  ok: true as const,
  value: { outcome: 'refused' as const, reason, until: more.until ?? null, attemptsLeft: more.attemptsLeft ?? null },
});

beforeEach(() => {
  resetScripts();
  useLanguageStore.setState({ language: 'uk' });
  useShellStore.setState({ clerk: null, screen: 'queue' });
  useAuthStore.setState({ auth: null, loadError: null, windowClerkId: null, reloadWindow: vi.fn() });
});

function signedOut(pinAllowed = false): void {
  act(() => followAuth({ status: 'signed_out', pinAllowed }));
}

describe('the sign-in screen', () => {
  it('sends the login as the contract reads it on Enter, and words each refusal with what the clerk can do', async () => {
    const user = userEvent.setup();
    signedOut();
    render(<AuthGate />);
    const login = screen.getByLabelText('Логін');
    const password = screen.getByLabelText('Пароль');
    expect(document.activeElement).toBe(login);

    script('auth.signIn', () => refused('wrong_secret', { attemptsLeft: 3 }));
    await user.type(login, ' Koval ');
    await user.type(password, 'wrong-one{Enter}');
    expect(callsOf('auth.signIn')).toEqual([{ login: 'koval', secret: 'wrong-one' }]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Неправильний логін або пароль.Залишилося спроб до тимчасового блокування: 3.');
    // The login is usually right: the password is cleared and the cursor is back in it.
    expect(password).toHaveProperty('value', '');
    expect(document.activeElement).toBe(password);

    const until = '2026-12-04T09:41:00.000Z';
    script('auth.signIn', () => refused('locked_out', { until }));
    await user.type(password, 'again{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(`Забагато невдалих спроб. Наступна спроба — о ${formatDateTime(until)}.`),
    );

    const words = {
      disabled: 'Обліковий запис вимкнено. Зверніться до системного адміністратора.',
      not_on_this_desk: 'Цьому обліковому запису не дозволено працювати на цьому робочому місці.',
      pin_not_allowed: 'Вхід за PIN у цьому центрі не дозволено: введіть пароль.',
    } as const;
    for (const [reason, text] of Object.entries(words)) {
      script('auth.signIn', () => refused(reason as keyof typeof words));
      await user.type(password, '1234{Enter}');
      await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(text));
    }
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('says at the field what is missing or mistyped, and sends nothing', async () => {
    const user = userEvent.setup();
    signedOut(true);
    render(<AuthGate />);
    await user.click(screen.getByRole('button', { name: 'Увійти' }));
    expect(screen.getByLabelText('Логін').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Вкажіть логін')).toBeTruthy();

    // The Ukrainian layout left on: a login is Latin letters, and the form says so before asking anyone.
    await user.type(screen.getByLabelText('Логін'), 'коваль');
    await user.type(screen.getByLabelText('Пароль або PIN'), '1234{Enter}');
    expect(screen.getByText('Логін — 3–40 латинських літер, цифр, крапок, дефісів або підкреслень')).toBeTruthy();

    await user.clear(screen.getByLabelText('Логін'));
    await user.type(screen.getByLabelText('Логін'), 'koval');
    await user.clear(screen.getByLabelText('Пароль або PIN'));
    await user.keyboard('{Enter}');
    expect(screen.getByText('Вкажіть пароль')).toBeTruthy();
    expect(callsOf('auth.signIn')).toEqual([]);
  });

  it('in English too', async () => {
    const user = userEvent.setup();
    useLanguageStore.setState({ language: 'en' });
    signedOut();
    render(<AuthGate />);
    script('auth.signIn', () => refused('wrong_secret', { attemptsLeft: 1 }));
    await user.type(screen.getByLabelText('Login'), 'koval');
    await user.type(screen.getByLabelText('Password'), 'nope{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong login or password.Attempts left before a temporary lockout: 1.');
  });

  it('opens the app for the clerk once signed in, their name in the header', async () => {
    const user = userEvent.setup();
    signedOut();
    render(<AuthGate />);
    script('auth.signIn', () => ({ ok: true, value: { outcome: 'signed_in', state: signedIn(['clerk']) } }));
    await user.type(screen.getByLabelText('Логін'), 'koval');
    await user.type(screen.getByLabelText('Пароль'), 'right-one{Enter}');
    const header = await screen.findByRole('banner');
    expect(within(header).getByLabelText('Працює').textContent).toBe('Коваль Олена Петрівна');
    expect(within(header).getByRole('button', { name: 'Заблокувати (Ctrl+L)' }).getAttribute('aria-keyshortcuts')).toBe('Control+L');
    expect(within(header).getByRole('button', { name: 'Вийти' })).toBeTruthy();
  });
});

describe('the forced password change', () => {
  it('shows the rule, refuses what breaks it at the field, and sends only a good change', async () => {
    const user = userEvent.setup();
    act(() => followAuth(signedIn(['admin'], { mustChangePassword: true })));
    render(<AuthGate />);
    expect(screen.getByRole('heading', { name: 'Зміна пароля' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    const current = screen.getByLabelText('Поточний пароль');
    const next = screen.getByLabelText('Новий пароль');
    const repeat = screen.getByLabelText('Новий пароль ще раз');
    expect(
      next
        .getAttribute('aria-describedby')
        ?.split(' ')
        .map((id) => document.getElementById(id)?.textContent),
    ).toContain('Щонайменше 8 символів.');

    await user.click(screen.getByRole('button', { name: 'Змінити пароль' }));
    expect(current.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(current);

    await user.type(current, 'admin');
    await user.type(next, 'short');
    await user.type(repeat, 'short{Enter}');
    expect(screen.getByText('Новий пароль має містити щонайменше 8 символів')).toBeTruthy();
    expect(document.activeElement).toBe(next);

    await user.clear(next);
    await user.type(next, 'long-enough-1');
    await user.clear(repeat);
    await user.type(repeat, 'long-enough-2{Enter}');
    expect(screen.getByText('Паролі не збігаються')).toBeTruthy();
    expect(repeat.getAttribute('aria-invalid')).toBe('true');
    expect(next.getAttribute('aria-invalid')).toBeNull();
    expect(callsOf('auth.changePassword')).toEqual([]);

    answers('auth.changePassword', signedIn(['admin']));
    await user.clear(repeat);
    await user.type(repeat, 'long-enough-1{Enter}');
    expect(callsOf('auth.changePassword')).toEqual([{ current: 'admin', next: 'long-enough-1' }]);
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Зміна пароля' })).toBeNull());
    expect(screen.getByRole('banner')).toBeTruthy();
  });

  it('refuses a new password equal to the temporary one', async () => {
    const user = userEvent.setup();
    act(() => followAuth(signedIn(['admin'], { mustChangePassword: true })));
    render(<AuthGate />);
    await user.type(screen.getByLabelText('Поточний пароль'), 'temporary-1');
    await user.type(screen.getByLabelText('Новий пароль'), 'temporary-1');
    await user.type(screen.getByLabelText('Новий пароль ще раз'), 'temporary-1{Enter}');
    expect(screen.getByText('Новий пароль має відрізнятися від поточного')).toBeTruthy();
    expect(callsOf('auth.changePassword')).toEqual([]);
  });
});
