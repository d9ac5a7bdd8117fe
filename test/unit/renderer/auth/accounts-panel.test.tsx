// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../dom-setup';
import { answers, callsOf, resetScripts, script } from './scripted-api';
import type { AccountView, SaveAccount } from '../../../../shared/auth';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { AccountsPanel } from '../../../../renderer/src/features/auth/AccountsPanel';
import { useAuthStore } from '../../../../renderer/src/features/auth/auth-store';
import { useLanguageStore } from '../../../../renderer/src/i18n/language-store';
import { formatDateTime } from '../../../../renderer/src/lib/format';
import { STANDALONE } from '../../../helpers/sync-status';

vi.mock('../../../../renderer/src/api', async () => ({ api: (await import('./scripted-api')).scriptedApi }));

const ADMIN: AccountView = {
  id: 'a-admin',
  login: 'admin',
  fullName: 'Адміністратор',
  roles: ['clerk', 'supervisor', 'admin', 'provider'],
  desks: null,
  hasPin: false,
  disabled: false,
  mustChangePassword: false,
  lockedUntil: null,
  source: 'desk',
};
const LOCKED_OUT: AccountView = {
  ...ADMIN,
  id: 'a-bo',
  login: 'bondar',
  fullName: 'Бондар Ірина',
  roles: ['clerk'],
  desks: ['07'],
  lockedUntil: '2026-12-04T09:41:00.000Z',
  source: 'back_office',
};

beforeEach(() => {
  resetScripts();
  useLanguageStore.setState({ language: 'uk' });
  useAuthStore.setState({ auth: { status: 'signed_out', pinAllowed: false } });
});

const rowOf = (login: string) => screen.getByRole('rowheader', { name: login }).closest('tr') as HTMLElement;
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('the accounts panel', () => {
  it('on a standalone desk: lists the accounts, refuses a half-filled new one at its fields, and creates a clerk', async () => {
    const user = userEvent.setup();
    act(() => useShellStore.setState({ sync: STANDALONE }));
    answers('accounts.list', [ADMIN]);
    render(<AccountsPanel />);
    const admin = await waitFor(() => rowOf('admin'));
    expect(cells(admin).slice(0, 5)).toEqual([
      'Адміністратор',
      'адміністратор ЦНАП, керівник, системний адміністратор, суб’єкт надання',
      'усі',
      'активний',
      'це робоче місце',
    ]);

    await user.click(screen.getByRole('button', { name: 'Новий обліковий запис' }));
    const form = screen.getByRole('form', { name: 'Новий обліковий запис' });
    const login = within(form).getByLabelText('Логін');
    expect(document.activeElement).toBe(login);
    await user.type(login, 'Петренко');
    await user.type(within(form).getByLabelText('Робочі місця'), '07, вікно 3');
    await user.click(within(form).getByRole('button', { name: 'Зберегти' }));
    expect(within(form).getByText('Логін — 3–40 латинських літер, цифр, крапок, дефісів або підкреслень')).toBeTruthy();
    expect(within(form).getByText('Вкажіть ПІБ')).toBeTruthy();
    expect(within(form).getByText('Невідомий код робочого місця: ВІКНО 3')).toBeTruthy();
    expect(within(form).getByText('Новий пароль має містити щонайменше 8 символів')).toBeTruthy();
    expect(document.activeElement).toBe(login);
    expect(callsOf('accounts.save')).toEqual([]);

    script('accounts.save', (input) => ({
      ok: true,
      value: {
        ...ADMIN,
        id: 'a-new',
        login: input.login,
        fullName: input.fullName,
        roles: input.roles,
        desks: input.desks ?? null,
        mustChangePassword: true,
      },
    }));
    await user.clear(login);
    await user.type(login, 'petrenko');
    await user.type(within(form).getByLabelText('ПІБ'), 'Петренко Ольга Іванівна');
    await user.clear(within(form).getByLabelText('Робочі місця'));
    await user.type(within(form).getByLabelText('Робочі місця'), '07, 08');
    await user.click(within(form).getByRole('checkbox', { name: 'керівник' }));
    await user.type(within(form).getByLabelText('Тимчасовий пароль'), 'temporary-1{Enter}');
    const sent: SaveAccount = {
      password: 'temporary-1',
      login: 'petrenko',
      fullName: 'Петренко Ольга Іванівна',
      roles: ['clerk', 'supervisor'],
      desks: ['07', '08'],
    };
    expect(callsOf('accounts.save')).toEqual([sent]);
    const created = await waitFor(() => rowOf('petrenko'));
    expect(cells(created).slice(0, 4)).toEqual([
      'Петренко Ольга Іванівна',
      'адміністратор ЦНАП, керівник',
      '07, 08',
      'активний; має змінити пароль',
    ]);
    expect(screen.getByRole('status').textContent).toBe('Збережено: petrenko.');
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('on a desk with a back office: only shown, with a note where they are managed', async () => {
    act(() => useShellStore.setState({ sync: { ...STANDALONE, state: 'online' } }));
    answers('accounts.list', [ADMIN, LOCKED_OUT]);
    render(<AccountsPanel />);
    const bondar = await waitFor(() => rowOf('bondar'));
    expect(cells(bondar)).toEqual([
      'Бондар Ірина',
      'адміністратор ЦНАП',
      '07',
      `активний; заблоковано до ${formatDateTime(LOCKED_OUT.lockedUntil ?? '')}`,
      'бек-офіс',
    ]);
    expect(screen.getByText('Облікові записи цього робочого місця ведуться в бек-офісі: тут їх лише видно.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('resets a password and disables an account after asking', async () => {
    const user = userEvent.setup();
    act(() => useShellStore.setState({ sync: STANDALONE }));
    const clerk: AccountView = { ...ADMIN, id: 'a-k', login: 'koval', fullName: 'Коваль Олена', roles: ['clerk'] };
    answers('accounts.list', [ADMIN, clerk]);
    render(<AccountsPanel />);
    await waitFor(() => rowOf('koval'));

    answers('accounts.resetPassword', { ...clerk, mustChangePassword: true });
    await user.click(screen.getByRole('button', { name: 'Скинути пароль koval' }));
    await user.type(screen.getByLabelText('Тимчасовий пароль'), 'new-temp-1{Enter}');
    expect(callsOf('accounts.resetPassword')).toEqual([{ id: 'a-k', password: 'new-temp-1' }]);
    expect(await screen.findByText('Пароль koval скинуто: передайте тимчасовий пароль працівникові особисто.')).toBeTruthy();

    answers('accounts.setDisabled', { ...clerk, disabled: true });
    await user.click(screen.getByRole('button', { name: 'Вимкнути koval' }));
    expect(callsOf('accounts.setDisabled')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Так, вимкнути' }));
    expect(callsOf('accounts.setDisabled')).toEqual([{ id: 'a-k', disabled: true }]);
    await waitFor(() => expect(cells(rowOf('koval'))[3]).toBe('вимкнено'));
    expect(screen.getByRole('button', { name: 'Увімкнути koval' })).toBeTruthy();
  });
});
