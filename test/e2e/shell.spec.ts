import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { signIn } from './page-helpers';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

const UK_SCREENS = ['Черга', 'Прийом', 'Документи', 'Перегляд'];
const EN_SCREENS = ['Queue', 'Intake', 'Documents', 'Review'];

test('the shell loads in Ukrainian with the four sections', async ({ page, hostUrl }) => {
  // CSP violations and uncaught errors surface only here, so the page must stay silent.
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(hostUrl);
  await signIn(page);
  await expect(page.getByRole('banner').getByRole('heading', { level: 1 })).toHaveText('Vikno');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  const nav = page.getByRole('navigation', { name: 'Розділи' });
  for (const name of UK_SCREENS) {
    await expect(nav.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole('button', { name: 'Черга', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText('Електронна черга');
  await expect(page.getByRole('banner')).toContainText('Демонстраційний ЦНАП');
  await expect(page.getByRole('banner')).toContainText('Вікно № 1');
  await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText(/^Робоче місце \S+: підключено$/);
  expect(problems).toEqual([]);
});

test('the status bar shows the backend version from a real round trip', async ({ page, hostUrl }) => {
  await page.goto(hostUrl);
  await signIn(page);
  const statusBar = page.getByRole('contentinfo', { name: 'Стан системи' });
  await expect(statusBar).toContainText(`Версія ${version}`);
  await expect(statusBar.getByRole('status')).toContainText(': підключено');
  await expect(statusBar.getByRole('button', { name: 'Автономний режим — без бек-офісу' })).toBeVisible();
});

test('English is switchable and survives a reload', async ({ page, hostUrl }) => {
  await page.goto(hostUrl);
  await signIn(page);
  await page.getByRole('group', { name: 'Мова' }).getByRole('button', { name: 'English' }).click();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  for (const name of EN_SCREENS) {
    await expect(nav.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'English' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(nav.getByRole('button', { name: 'Intake', exact: true })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText(`Version ${version}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('Alt+digit switches the screen from the keyboard', async ({ page, hostUrl }) => {
  await page.goto(hostUrl);
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Розділи' });
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Електронна черга');

  await page.keyboard.press('Alt+2');
  await expect(nav.getByRole('button', { name: 'Прийом', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Прийом звернень');
  // Intake puts the clerk straight into the applicant search.
  await expect(page.getByRole('combobox', { name: 'Пошук заявника' })).toBeFocused();

  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Перегляд за день');
  await expect(nav.getByRole('button', { name: 'Черга', exact: true })).not.toHaveAttribute('aria-current');
});

test('a lost backend shows the reconnect banner', async ({ page, host }) => {
  await page.goto(host.url);
  await signIn(page);
  const statusBar = page.getByRole('contentinfo');
  await expect(statusBar.getByRole('status')).toContainText(': підключено');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await host.stop();
  await expect(page.getByRole('alert')).toContainText('Зв’язок із сервісом втрачено — відновлюємо…');
  await expect(statusBar.getByRole('status')).toContainText(': відновлення зв’язку…');
});

test('screenshot of the Ukrainian shell', async ({ page, hostUrl }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(hostUrl);
  await signIn(page);
  await expect(page.getByRole('contentinfo')).toContainText(`Версія ${version}`);
  await expect(page.getByRole('contentinfo').getByRole('status')).toContainText(': підключено');
  const path = 'test-results/shell-uk.png';
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('shell-uk', { path, contentType: 'image/png' });
});

test('a desk with no back office says it works standalone, in the status bar and the settings', async ({ page, hostUrl }) => {
  await page.goto(hostUrl);
  await signIn(page);
  await expect(page.getByRole('contentinfo')).toContainText('Автономний режим — без бек-офісу');
  await page.getByRole('button', { name: 'Налаштування' }).click();
  const settings = page.getByRole('dialog', { name: 'Налаштування робочого місця' });
  await expect(settings.getByText(/Бек-офіс не налаштовано: робоче місце працює автономно/)).toBeVisible();
  await expect(settings.getByRole('button', { name: 'Синхронізувати зараз' })).toHaveCount(0);
});
