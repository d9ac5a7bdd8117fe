// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://127.0.0.1/kiosk/KV01"}
import { screen, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskConfig, kioskTicket } from './kiosk-fixture';

interface Sent {
  url: string;
  method: string;
  body: unknown;
}

/** The kiosk's two routes as the back office answers them; `ticketAnswer` is what the ticket call gets. */
function backOffice(ticketAnswer: { status: number; body: unknown }): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      sent.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : null });
      if (url === '/api/kiosk/KV01/config') return new Response(JSON.stringify(kioskConfig), { status: 200 });
      return new Response(JSON.stringify(ticketAnswer.body), { status: ticketAnswer.status });
    }),
  );
  return sent;
}

async function openKiosk(): Promise<void> {
  document.body.innerHTML = '<div id="app"></div>';
  vi.resetModules();
  await import('../../../../server/pages/src/kiosk/main');
}

describe('the kiosk page', () => {
  beforeEach(() => {
    window.print = vi.fn();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('takes a ticket by touch, sends the choice, shows and prints the ticket, then starts over', async () => {
    const sent = backOffice({ status: 200, body: kioskTicket });
    await openKiosk();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Соціальні послуги' }));
    await user.click(screen.getByRole('button', { name: 'Субсидія' }));
    await user.click(screen.getByRole('button', { name: 'Подати документи' }));
    await user.click(screen.getByRole('button', { name: 'Ветеран війни' }));

    const ticket = await screen.findByRole('article', { name: 'Ваш номер' });
    expect(within(ticket).getByText('А007')).toBeTruthy();
    expect(ticket.textContent).toContain('Вікна: 1, 2, 5');
    expect(ticket.textContent).toContain('Перед вами: 3');
    expect(sent.at(-1)).toEqual({
      url: '/api/kiosk/KV01/tickets',
      method: 'POST',
      body: { serviceCode: 'subsidy', purpose: 'submit', priorityCategory: 'veteran' },
    });
    await vi.waitFor(() => expect(window.print).toHaveBeenCalledTimes(1));

    await user.click(screen.getByRole('button', { name: 'Готово' }));
    expect(screen.getByRole('heading', { name: 'Оберіть сферу' })).toBeTruthy();
  });

  it('switches to English and says a refused check-in in English', async () => {
    const sent = backOffice({ status: 404, body: { error: { code: 'booking_not_found', message: 'no such booking' } } });
    await openKiosk();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'English' }));
    expect(document.documentElement.lang).toBe('en');
    await user.click(screen.getByRole('button', { name: 'I have a booking' }));
    await user.type(screen.getByLabelText('Booking code'), 'ZZ99Q');
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No booking has this code. Check the code.');
    expect(sent.at(-1)).toEqual({ url: '/api/kiosk/KV01/check-in', method: 'POST', body: { code: 'ZZ99Q' } });
    expect(window.print).not.toHaveBeenCalled();
  });

  it('returns to the start when a citizen walks away mid-choice, not while they keep touching it', async () => {
    backOffice({ status: 200, body: kioskTicket });
    // Fake clocks that still run, so the page's own waits work while the test jumps ahead.
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await openKiosk();
      const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
      await user.click(await screen.findByRole('button', { name: 'Паспортні послуги' }));
      vi.advanceTimersByTime(45_000);
      screen.getByRole('heading', { name: 'Оберіть послугу' }).dispatchEvent(new Event('pointerdown', { bubbles: true }));
      vi.advanceTimersByTime(45_000);
      expect(screen.getByRole('heading', { name: 'Оберіть послугу' })).toBeTruthy();
      vi.advanceTimersByTime(15_000);
      expect(screen.getByRole('heading', { name: 'Оберіть сферу' })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives the next citizen the start in Ukrainian after one who switched to English is done', async () => {
    backOffice({ status: 200, body: { ...kioskTicket, late: true } });
    await openKiosk();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'English' }));
    await user.click(screen.getByRole('button', { name: 'Another request' }));
    await user.click(screen.getByRole('button', { name: 'No, the regular queue' }));
    expect((await screen.findByRole('article', { name: 'Your number' })).textContent).toContain('You are late for your booking');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByRole('heading', { name: 'Оберіть сферу' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('uk');
  });
});
