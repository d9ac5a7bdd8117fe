import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { QueueCommandResult } from '../../shared/queue-protocol';
import { startQueueBackOffice } from './queue-back-office';
import type { QueueBackOffice } from './queue-back-office';

// The pages are built first and the machine is shared.
test.setTimeout(180_000);

let server: QueueBackOffice;

async function takeTicket(kiosk: Page): Promise<string> {
  await kiosk.getByRole('button', { name: 'Паспортні документи' }).click();
  await kiosk.getByRole('button', { name: 'Оформлення паспорта громадянина України у формі ID-картки' }).click();
  await kiosk.getByRole('button', { name: 'Подати документи' }).click();
  await kiosk.getByRole('button', { name: 'Ні, звичайна черга' }).click();
  const ticket = kiosk.getByRole('article', { name: 'Ваш номер' });
  await expect(ticket).toBeVisible();
  return (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
}

test.beforeAll(async () => {
  server = await startQueueBackOffice();
});

test.afterAll(async () => {
  await server?.stop();
});

test('a ticket taken on the kiosk page shows its number and is printed; the board shows its call live', async ({ browser }) => {
  const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await kiosk.addInitScript(() => {
    // Headless Chromium has no printer: count the kiosk's print requests instead.
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await kiosk.goto(`${server.url}/kiosk/C01`);
  await expect(kiosk.getByRole('heading', { name: 'Оберіть сферу' })).toBeVisible();
  const number = await takeTicket(kiosk);
  expect(number).toMatch(/^А\d{3}$/);
  await expect(kiosk.getByRole('article', { name: 'Ваш номер' })).toContainText('Черга: Паспорти');
  await expect.poll(() => kiosk.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await kiosk.screenshot({ path: 'test-results/queue-kiosk.png' });
  // Ready for the next citizen after «Готово» (or by itself a few seconds later).
  await kiosk.getByRole('button', { name: 'Готово' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Оберіть сферу' })).toBeVisible();

  const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await board.goto(`${server.url}/board/C01`);
  await expect(board.getByRole('heading', { name: /Електронна черга/ })).toBeVisible();
  await expect(board.getByRole('status')).toHaveCount(0);

  // Desk D1 (window 1, passports first) calls next: the board shows it without a reload.
  const headers = server.deskHeaders('D1');
  const called = await fetch(`${server.url}/queue/commands`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ commandId: 'e2e-call-1', command: { action: 'call_next' } }),
  });
  expect(called.status).toBe(200);
  expect(QueueCommandResult.parse(await called.json()).ticket?.number).toBe(number);
  const newest = board.getByTestId('newest-call');
  await expect(newest).toContainText(number);
  await expect(newest).toContainText('Вікно 1');
  await board.screenshot({ path: 'test-results/queue-board.png' });
  // Pages of their own: closed here, or the board's open stream would hold the server's close.
  await Promise.all([board.close(), kiosk.close()]);
});

test('a booking made on the bookings page gets a code, is listed and cancelled; the kiosk refuses an unknown code in Ukrainian', async ({
  page,
  browser,
}) => {
  await page.goto(`${server.url}/bookings/C01`);
  await page.getByLabel('Токен адміністратора').fill(server.adminToken);
  await page.getByRole('button', { name: 'Увійти' }).click();
  await page.getByLabel('Послуга').selectOption('ID-01');
  // Tuesday is open until 20:00 in the sample schedule: the next one always has free slots.
  const next = new Date();
  next.setDate(next.getDate() + ((2 - next.getDay() + 7) % 7 || 7));
  const day = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-${String(next.getDate()).padStart(2, '0')}`;
  await page.getByLabel('Дата').fill(day);
  await page.getByRole('button', { name: 'Показати вільний час' }).click();
  const slots = page.getByRole('group', { name: 'Вільний час' }).getByRole('button');
  await expect(slots.first()).toBeVisible();
  await slots.first().click();
  await page.getByLabel('Ім’я (необов’язково)').fill('Олена');
  await page.getByRole('button', { name: 'Створити запис' }).click();
  const code = (await page.getByTestId('booking-code').textContent()) ?? '';
  expect(code.length).toBeGreaterThanOrEqual(4);
  const row = page.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText('Олена');
  await expect(row).toContainText('Очікується');
  await page.screenshot({ path: 'test-results/queue-bookings.png', fullPage: true });

  const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await kiosk.addInitScript(() => (window.print = () => undefined));
  await kiosk.goto(`${server.url}/kiosk/C01`);
  await kiosk.getByRole('button', { name: 'Маю попередній запис' }).click();
  await kiosk.getByLabel('Код запису').fill('NOPE1');
  await kiosk.getByRole('button', { name: 'Підтвердити прихід' }).click();
  await expect(kiosk.getByRole('alert')).toHaveText('Запис із таким кодом не знайдено. Перевірте код.');
  await kiosk.close();

  // The admin cancels it: the row says so and offers no second cancel.
  await row.getByRole('button', { name: `Скасувати запис ${code}` }).click();
  await expect(page.getByText(`Запис ${code} скасовано.`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(code) })).toContainText('Скасовано');
});
