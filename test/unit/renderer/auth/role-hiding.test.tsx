// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../dom-setup';
import { answers, resetScripts, signedIn } from './scripted-api';
import type { Role } from '../../../../shared/roles';
import { AuthGate } from '../../../../renderer/src/app/AuthGate';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { mayCall } from '../../../../renderer/src/features/auth/access';
import { followAuth, useAuthStore } from '../../../../renderer/src/features/auth/auth-store';
import { useLanguageStore } from '../../../../renderer/src/i18n/language-store';
import { STANDALONE } from '../../../helpers/sync-status';

vi.mock('../../../../renderer/src/api', async () => ({ api: (await import('./scripted-api')).scriptedApi }));

beforeEach(() => {
  resetScripts();
  useLanguageStore.setState({ language: 'uk' });
  useShellStore.setState({ clerk: null, screen: 'queue', sync: STANDALONE });
  useAuthStore.setState({ auth: null, loadError: null, windowClerkId: null, reloadWindow: vi.fn() });
  answers('accounts.list', []);
});

function openAs(roles: Role[]) {
  act(() => followAuth(signedIn(roles)));
  render(<AuthGate />);
}

const sections = () =>
  within(screen.getByRole('navigation', { name: 'Розділи' }))
    .queryAllByRole('button')
    .map((button) => button.querySelector('.nav-label')?.textContent);

describe('what each role sees', () => {
  it('a clerk: the queue, intake, documents and applications, no Review; Alt+4 does nothing', async () => {
    const user = userEvent.setup();
    openAs(['clerk']);
    expect(sections()).toEqual(['Черга', 'Прийом', 'Документи', 'Звернення']);
    await user.keyboard('{Alt>}4{/Alt}');
    expect(screen.getByRole('button', { name: 'Черга' }).getAttribute('aria-current')).toBe('page');
    await user.keyboard('{Alt>}5{/Alt}');
    expect(screen.getByRole('button', { name: 'Звернення' }).getAttribute('aria-current')).toBe('page');
  });

  it('a supervisor without the clerk role: Review only, opened even when the queue was the last screen', () => {
    openAs(['supervisor']);
    expect(sections()).toEqual(['Перегляд']);
    expect(screen.getByRole('button', { name: 'Перегляд' }).getAttribute('aria-current')).toBe('page');
  });

  it('an admin of a desk with a back office: no working sections, and a word on where their work is', () => {
    openAs(['admin']);
    expect(sections()).toEqual([]);
    expect(screen.getByText(/Для ваших ролей тут немає робочих розділів/)).toBeTruthy();
  });

  it('settings: the accounts only for an admin, the audit check only for a supervisor', async () => {
    const user = userEvent.setup();
    openAs(['clerk']);
    await user.click(screen.getByRole('button', { name: 'Налаштування' }));
    let dialog = screen.getByRole('dialog', { name: 'Налаштування робочого місця' });
    expect(within(dialog).queryByRole('region', { name: 'Облікові записи' })).toBeNull();
    expect(within(dialog).queryByRole('region', { name: 'Журнал дій' })).toBeNull();
    expect(within(dialog).getByRole('region', { name: 'Календар робочих днів' })).toBeTruthy();
    await user.keyboard('{Escape}');

    act(() => followAuth(signedIn(['admin', 'supervisor'])));
    await user.click(screen.getByRole('button', { name: 'Налаштування' }));
    dialog = screen.getByRole('dialog', { name: 'Налаштування робочого місця' });
    expect(within(dialog).getByRole('region', { name: 'Облікові записи' })).toBeTruthy();
    expect(within(dialog).getByRole('region', { name: 'Журнал дій' })).toBeTruthy();
    // Renaming oneself is a clerk's method: not offered to an account without that role.
    expect(within(dialog).queryByLabelText('ПІБ адміністратора')).toBeNull();
  });
});

describe('the rule the screens hide by', () => {
  it('is the contract’s role per method, as the backend enforces it', () => {
    expect(mayCall(['clerk'], 'intake.register')).toBe(true);
    expect(mayCall(['clerk'], 'calendar.put')).toBe(false);
    expect(mayCall(['clerk'], 'sync.discard')).toBe(false);
    expect(mayCall(['supervisor'], 'sync.discard')).toBe(true);
    expect(mayCall(['clerk', 'supervisor'], 'accounts.save')).toBe(false);
    expect(mayCall(['admin'], 'accounts.save')).toBe(true);
    expect(mayCall([], 'auth.lock')).toBe(true);
  });
});
