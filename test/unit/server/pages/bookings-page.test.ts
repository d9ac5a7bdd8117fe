// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://127.0.0.1/bookings/KV01"}
import { screen, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Booking } from '../../../../shared/queue-protocol';
import { kioskConfig } from './kiosk-fixture';

const TOKEN = 'a'.repeat(43);
interface Sent {
  url: string;
  method: string;
  authorization: string | null;
  body: unknown;
}

/** The routes the bookings page calls, as the back office answers them, keeping the day's bookings. */
function backOffice(): { sent: Sent[]; bookings: Booking[] } {
  const sent: Sent[] = [];
  const bookings: Booking[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      const method = init.method ?? 'GET';
      sent.push({ url, method, authorization: headers.get('authorization'), body: init.body ? JSON.parse(String(init.body)) : null });
      if (url === '/api/kiosk/KV01/config') return json(kioskConfig);
      if (url.startsWith('/api/booking/KV01/slots?'))
        return json([{ start: '2026-12-08T07:00:00.000Z', free: bookings.length === 0 ? 1 : 0 }]);
      if (headers.get('authorization') !== `Bearer ${TOKEN}`)
        return json({ error: { code: 'admin_token_invalid', message: 'wrong' } }, 401);
      if (url.startsWith('/admin/bookings?')) return json(bookings);
      if (url === '/admin/bookings' && method === 'POST') {
        const request = JSON.parse(String(init.body)) as { serviceCode: string; slotStart: string; name?: string };
        const booking: Booking = {
          code: 'K7M2Q',
          centerCode: 'KV01',
          slotMinutes: 15,
          status: 'booked',
          name: request.name ?? null,
          ...request,
        };
        bookings.push(booking);
        return json(booking);
      }
      if (url === '/admin/bookings/K7M2Q' && method === 'DELETE') {
        bookings[0] = { ...bookings[0]!, status: 'cancelled' };
        return json(bookings[0]);
      }
      return json({ error: { code: 'not_found', message: url } }, 404);
    }),
  );
  return { sent, bookings };
}

async function openPage(): Promise<void> {
  document.body.innerHTML = '<div id="app"></div>';
  vi.resetModules();
  await import('../../../../server/pages/src/bookings/main');
}

describe('the bookings page', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('signs in with the token, books a free slot and shows the code, lists it and cancels it', async () => {
    const { sent } = backOffice();
    await openPage();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Токен адміністратора'), TOKEN);
    await user.click(screen.getByRole('button', { name: 'Увійти' }));
    expect(sessionStorage.getItem('vikno.bookings.adminToken')).toBe(TOKEN);
    expect(localStorage.length).toBe(0);

    await user.selectOptions(await screen.findByLabelText('Послуга'), 'subsidy');
    await user.click(screen.getByRole('button', { name: 'Показати вільний час' }));
    await user.click(await within(screen.getByRole('group', { name: 'Вільний час' })).findByRole('button', { name: /вільно: 1/ }));
    await user.type(screen.getByLabelText('Ім’я (необов’язково)'), 'Олена');
    await user.click(screen.getByRole('button', { name: 'Створити запис' }));

    expect((await screen.findByTestId('booking-code')).textContent).toBe('K7M2Q');
    const created = sent.find((s) => s.method === 'POST');
    expect(created).toEqual({
      url: '/admin/bookings',
      method: 'POST',
      authorization: `Bearer ${TOKEN}`,
      body: { centerCode: 'KV01', serviceCode: 'subsidy', slotStart: '2026-12-08T07:00:00.000Z', name: 'Олена' },
    });
    expect(screen.getByText('На цей день вільного часу немає.')).toBeTruthy();
    const row = screen.getByRole('row', { name: /K7M2Q/ });
    expect(row.textContent).toContain('Олена');

    await user.click(within(row).getByRole('button', { name: 'Скасувати запис K7M2Q' }));
    expect((await screen.findByText('Запис K7M2Q скасовано.')).getAttribute('role')).toBe('status');
    expect(screen.getByRole('row', { name: /K7M2Q/ }).textContent).toContain('Скасовано');
  });

  it('forgets a refused token and asks for it again, saying why', async () => {
    backOffice();
    await openPage();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Токен адміністратора'), 'wrong-token');
    await user.click(screen.getByRole('button', { name: 'Увійти' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Токен не підходить. Введіть його знову.');
    expect(screen.getByLabelText('Токен адміністратора')).toBeTruthy();
    expect(sessionStorage.getItem('vikno.bookings.adminToken')).toBeNull();
  });

  it('does not send a booking with no time chosen', async () => {
    sessionStorage.setItem('vikno.bookings.adminToken', TOKEN);
    const { sent } = backOffice();
    await openPage();
    const user = userEvent.setup();
    // Signed in from the tab's session: the day's list comes without asking for the token.
    await screen.findByText('Записів немає.');
    await user.selectOptions(screen.getByLabelText('Послуга'), 'subsidy');
    await user.click(screen.getByRole('button', { name: 'Показати вільний час' }));
    await user.click(await screen.findByRole('button', { name: 'Створити запис' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Оберіть час.');
    expect(sent.some((s) => s.method === 'POST')).toBe(false);
  });
});
