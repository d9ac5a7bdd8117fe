// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appInfo } from '../../helpers/app-info';
import type { AppInfo, SyncStatus, ViknoApi } from '../../../shared/contract';
import { STANDALONE } from '../../helpers/sync-status';

// The shell's components reach the backend only through `api`; these states come from the store.
vi.mock('../../../renderer/src/api', () => ({
  api: { call: () => new Promise(() => {}), on: () => () => {} } satisfies ViknoApi,
}));

const { Header } = await import('../../../renderer/src/app/Header');
const { ReconnectBanner } = await import('../../../renderer/src/app/ReconnectBanner');
const { StatusBar } = await import('../../../renderer/src/app/StatusBar');
const { useShellStore } = await import('../../../renderer/src/app/shell-store');
const { useLanguageStore } = await import('../../../renderer/src/i18n/language-store');

const INFO: AppInfo = appInfo({
  version: '1.2.3',
  schemaVersion: 7,
  center: { code: 'KR01', name: 'Демонстраційний ЦНАП' },
  desk: { code: 'D07', window: '7' },
});

const OFFLINE: SyncStatus = { ...STANDALONE, state: 'offline', pending: 3, oldestPendingAt: '2026-12-03T07:00:00.000Z' };
const ONLINE: SyncStatus = { ...STANDALONE, state: 'online', lastSuccessAt: '2026-12-03T07:00:00.000Z' };

function renderShellParts(state: Partial<ReturnType<typeof useShellStore.getState>>) {
  useShellStore.setState({ info: { status: 'loaded', info: INFO }, connection: 'connected', sync: ONLINE, ...state });
  return render(
    <>
      <Header />
      <ReconnectBanner />
      <StatusBar />
    </>,
  );
}

const statusBar = () => screen.getByRole('contentinfo', { name: 'Стан системи' });

beforeEach(() => useLanguageStore.setState({ language: 'uk' }));
afterEach(cleanup);

describe('the status bar names what each indicator is about', () => {
  it('connected and synced: this desk is connected, the back office is reachable, nothing waits', () => {
    renderShellParts({ sync: ONLINE });
    expect(within(statusBar()).getByRole('status')).toHaveProperty('textContent', 'Робоче місце D07: підключено');
    expect(within(statusBar()).getByRole('button', { name: 'Бек-офіс: на зв’язку' })).toBeTruthy();
    expect(statusBar().textContent).not.toMatch(/Очікують надсилання/);
    expect(statusBar().textContent).toMatch(/Версія 1\.2\.3/);
  });

  it('connected while the back office is unreachable: two subjects, not one contradicting the other', () => {
    renderShellParts({ sync: OFFLINE });
    expect(within(statusBar()).getByRole('status')).toHaveProperty('textContent', 'Робоче місце D07: підключено');
    expect(within(statusBar()).getByRole('button', { name: 'Бек-офіс: немає зв’язку — зміни збережено локально' })).toBeTruthy();
    expect(statusBar().textContent).toMatch(/Очікують надсилання: 3/);
  });

  it('standalone: says «Автономний режим» and shows no pending count, however many changes are kept', () => {
    renderShellParts({ sync: { ...STANDALONE, pending: 42, oldestPendingAt: '2026-12-01T07:00:00.000Z' } });
    expect(within(statusBar()).getByRole('button', { name: 'Автономний режим — без бек-офісу' })).toBeTruthy();
    expect(statusBar().textContent).not.toMatch(/Очікують надсилання|42/);
  });

  it('in English too', () => {
    useLanguageStore.setState({ language: 'en' });
    renderShellParts({ sync: OFFLINE });
    const bar = screen.getByRole('contentinfo', { name: 'System status' });
    expect(within(bar).getByRole('status')).toHaveProperty('textContent', 'Desk D07: connected');
    expect(within(bar).getByRole('button', { name: 'Back office: offline — changes are saved locally' })).toBeTruthy();
  });
});

describe('the header', () => {
  it('keeps a long center name whole in its text and its tooltip', () => {
    const name =
      'Центр надання адміністративних послуг виконавчого комітету Криворізької міської ради Дніпропетровської області (Інгулецький район)';
    renderShellParts({ info: { status: 'loaded', info: { ...INFO, center: { ...INFO.center, name } } } });
    const banner = screen.getByRole('banner');
    const shown = within(banner).getByText(name);
    expect(shown.getAttribute('title')).toBe(name);
    expect(within(banner).getByText('Вікно № 7')).toBeTruthy();
  });
});

describe('the link banner', () => {
  it('says nothing while connected', () => {
    renderShellParts({ connection: 'connected' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('while reconnecting promises an automatic return', () => {
    renderShellParts({ connection: 'reconnecting' });
    expect(screen.getByRole('alert').textContent).toMatch(/відновлюємо…/);
    expect(within(statusBar()).getByRole('status').textContent).toBe('Робоче місце D07: відновлення зв’язку…');
  });

  it('on a refused link says plainly it is no longer valid and how to open the current one, with no «відновлюємо»', () => {
    renderShellParts({ connection: 'refused' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/Посилання, за яким відкрито це вікно, більше не дійсне/);
    expect(alert.textContent).toMatch(/Відкрийте адресу з ключем, яку Vikno надрукував у терміналі під час запуску/);
    expect(alert.textContent).not.toMatch(/відновлюємо|автоматично/);
    expect(within(statusBar()).getByRole('status').textContent).toBe('Робоче місце D07: посилання недійсне');
  });
});
