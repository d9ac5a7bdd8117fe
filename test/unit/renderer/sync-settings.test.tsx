// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './dom-setup';
import { callsOf, resetScripts, script } from './auth/scripted-api';
import type { SyncStatus } from '../../../shared/contract';
import { appInfo } from '../../helpers/app-info';
import { STANDALONE } from '../../helpers/sync-status';

vi.mock('../../../renderer/src/api', async () => ({ api: (await import('./auth/scripted-api')).scriptedApi }));

const { SyncSettings } = await import('../../../renderer/src/app/SyncSettings');
const { useShellStore } = await import('../../../renderer/src/app/shell-store');
const { useLanguageStore } = await import('../../../renderer/src/i18n/language-store');

const NOT_ENROLLED: SyncStatus = { ...STANDALONE, state: 'not_enrolled' };
const ENROLLED: SyncStatus = {
  ...STANDALONE,
  state: 'online',
  enrollment: { centerCode: 'KV01', deskCode: '07', since: '2026-12-04T09:30:00.000Z' },
};
const REFUSED_ELSEWHERE: SyncStatus = {
  ...NOT_ENROLLED,
  enrollmentRefused: { reason: 'other_desk', message: 'The enrollment code is for center KV01, desk 08', at: '2026-12-04T09:00:00.000Z' },
};

function openAsAdmin(sync: SyncStatus) {
  useShellStore.setState({
    sync,
    clerk: { id: 'admin', fullName: 'Адміністратор', roles: ['admin'] },
    info: { status: 'loaded', info: appInfo({ center: { code: 'KV01', name: 'ЦНАП' }, desk: { code: '07', window: '7' } }) },
  });
  render(<SyncSettings />);
}

const codeField = () => screen.queryByRole('textbox', { name: /Код реєстрації робочого місця/ });

beforeEach(() => {
  resetScripts();
  useLanguageStore.setState({ language: 'uk' });
});
afterEach(cleanup);

describe('the back office in Settings', () => {
  it('an enrolled desk: which center and desk, since when; no code field', () => {
    openAsAdmin(ENROLLED);
    expect(
      screen.getByText(/Робоче місце зареєстровано в бек-офісі: центр KV01, робоче місце 07\. Зареєстровано \d\d\.12\.2026 \d\d:\d\d\./),
    ).toBeTruthy();
    expect(codeField()).toBeNull();
    expect(screen.queryByRole('button', { name: 'Зареєструвати робоче місце' })).toBeNull();
  });

  it('a desk whose token was revoked is offered the code field again', () => {
    openAsAdmin({ ...ENROLLED, state: 'paused_auth' });
    expect(codeField()).toBeTruthy();
  });

  it('a code for another desk: the reason, naming this desk, and that the code was not used up', () => {
    openAsAdmin(REFUSED_ELSEWHERE);
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain('Бек-офіс не прийняв код реєстрації');
    expect(notice.textContent).toContain('Код видано для іншого робочого місця, а це — центр KV01, робоче місце 07. Код не витрачено');
    expect(codeField()).toBeTruthy();
  });

  it.each([
    ['unknown', 'Такого коду бек-офіс не видавав'],
    ['expired', 'Строк дії коду минув'],
    ['used', 'Цей код уже використало інше робоче місце'],
  ] as const)('a code refused as %s: says so, once, in place of the vague error', async (reason, words) => {
    const user = userEvent.setup();
    openAsAdmin(NOT_ENROLLED);
    script('sync.enroll', () => {
      // The backend announces the refusal (sync.status event) before it answers the call.
      act(() =>
        useShellStore.setState({
          sync: { ...NOT_ENROLLED, enrollmentRefused: { reason, message: 'words', at: '2026-12-04T09:00:00.000Z' } },
        }),
      );
      return { ok: false, error: { code: 'VALIDATION', message: 'refused', details: { issues: [{ path: ['code'], message: reason }] } } };
    });
    await user.type(codeField()!, 'ABCD-EFGH-2345');
    await user.click(screen.getByRole('button', { name: 'Зареєструвати робоче місце' }));
    expect(callsOf('sync.enroll')).toEqual([{ code: 'ABCD-EFGH-2345' }]);
    const alerts = await screen.findAllByRole('alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.textContent).toContain(words);
  });

  it('in English too', () => {
    useLanguageStore.setState({ language: 'en' });
    openAsAdmin(ENROLLED);
    expect(screen.getByText(/This desk is enrolled with the back office: center KV01, desk 07\. Enrolled on/)).toBeTruthy();
  });
});
