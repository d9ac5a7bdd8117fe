import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openConnected } from './page-helpers';

const REFUSED_TITLE = 'Посилання, за яким відкрито це вікно, більше не дійсне';
const RECONNECTING = 'Зв’язок із сервісом втрачено — відновлюємо…';

/** Counts every attempt the page makes to reach the host: WebSocket opens and link checks. */
function countAttempts(page: Page): () => number {
  let attempts = 0;
  page.on('websocket', () => (attempts += 1));
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/rpc/link') attempts += 1;
  });
  return () => attempts;
}

async function expectRefused(page: Page): Promise<void> {
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(REFUSED_TITLE);
  await expect(alert).toContainText('Відкрийте адресу з ключем, яку Vikno надрукував у терміналі під час запуску');
  await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText(/: посилання недійсне$/);
  await expect(page.getByText(RECONNECTING)).toHaveCount(0);
}

/** Once refused, nothing is retried: no attempt is made while we wait longer than several retry rounds. */
async function expectNoRetries(page: Page, attempts: () => number): Promise<void> {
  const settled = attempts();
  await page.waitForTimeout(3_000);
  expect(attempts()).toBe(settled);
  await expect(page.getByRole('alert')).toContainText(REFUSED_TITLE);
}

test('a wrong token says plainly the link is no longer valid, stops retrying, and says so after a reload too', async ({ page, host }) => {
  const attempts = countAttempts(page);
  const url = new URL(host.url);
  await page.goto(`${url.origin}/#token=${'x'.repeat(32)}`);
  await expectRefused(page);
  await expectNoRetries(page, attempts);

  await page.reload();
  await expectRefused(page);
});

test('a URL without the token gets the same plain message, in English too', async ({ page, host }) => {
  const attempts = countAttempts(page);
  await page.goto(new URL(host.url).origin + '/');
  await expectRefused(page);
  await expectNoRetries(page, attempts);

  await page.getByRole('group', { name: 'Мова' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toContainText('The link this window was opened with is no longer valid');
  await expect(page.getByRole('alert')).toContainText('Open the address with the key that Vikno printed in its terminal when it started');
  await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText(/: link no longer valid$/);
});

test('a host restarted with a new token: the window says so, keeps what was typed, and the new link offers it back', async ({
  page,
  context,
  host,
}) => {
  await openConnected(page, host.url);
  await page.keyboard.press('Alt+2');
  await page.getByRole('combobox', { name: 'Пошук заявника' }).fill('Шевченко Тарас');
  await page.getByRole('button', { name: 'Новий заявник' }).click();
  await page.getByLabel('РНОКПП', { exact: true }).fill('1759013776');
  await expect(page.getByRole('status').filter({ hasText: /Чернетку збережено/ })).toBeVisible();

  const newUrl = await host.restart();
  expect(newUrl).not.toBe(host.url);
  await expectRefused(page);

  // Typed after the link went stale: the backend cannot get it, the browser keeps it.
  await page.getByLabel('Телефон', { exact: true }).fill('+380 67 123 45 67');
  await page.getByLabel('Прізвище', { exact: true }).fill('Шевченко-Стале');
  await expect(page.getByRole('status').filter({ hasText: 'Чернетку збережено в цьому браузері, доки програма недоступна' })).toBeVisible();
  await expect(page.getByText('Чернетку не вдалося зберегти')).toHaveCount(0);

  const fresh = await context.newPage();
  await openConnected(fresh, newUrl);
  await fresh.keyboard.press('Alt+2');
  const offer = fresh.getByRole('region', { name: 'Є незавершений прийом' });
  await expect(offer).toContainText('Шевченко-Стале');
  await offer.getByRole('button', { name: 'Продовжити незавершений прийом' }).click();
  await expect(fresh.getByLabel('Прізвище', { exact: true })).toHaveValue('Шевченко-Стале');
  await expect(fresh.getByLabel('Телефон', { exact: true })).toHaveValue('+380 67 123 45 67');
  await expect(fresh.getByLabel('РНОКПП', { exact: true })).toHaveValue('1759013776');

  // The stale window itself: opening the new URL there (only the fragment changes) reconnects it.
  await page.goto(newUrl);
  await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText(/: підключено$/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
