import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { OUT, signIn } from './page-helpers';

const LOCK = 'Робоче місце заблоковано';

async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Вийти' }).click();
  await expect(page.getByRole('heading', { name: 'Вхід', level: 1 })).toBeVisible();
}

async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Зміна пароля' })).toBeVisible();
  await page.getByLabel('Поточний пароль').fill(current);
  await page.getByLabel('Новий пароль', { exact: true }).fill(next);
  await page.getByLabel('Новий пароль ще раз').fill(next);
  await page.getByLabel('Новий пароль ще раз').press('Enter');
}

async function typeCredentials(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Логін', { exact: true }).fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.keyboard.press('Enter');
}

test('first start, the lock, a clerk made by the admin, and a lockout', async ({ page, hostUrl }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(hostUrl);

  // First start: nothing of the app before sign-in; admin/admin must be changed at once.
  await expect(page.getByRole('heading', { name: 'Вхід', level: 1 })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.screenshot({ path: `${OUT}/sign-in.png` });
  await typeCredentials(page, 'admin', 'admin');
  await changePassword(page, 'admin', 'admin-own-pass-1');
  const nav = page.getByRole('navigation', { name: 'Розділи' });
  await expect(nav.getByRole('button', { name: 'Перегляд', exact: true })).toBeVisible();
  await expect(page.getByRole('banner').getByLabel('Працює')).toHaveText('Адміністратор');

  // Ctrl+L over a half-typed intake: the lock covers it, and the clerk's own password brings it back as it was.
  await page.keyboard.press('Alt+2');
  const search = page.getByRole('combobox', { name: 'Пошук заявника' });
  await search.fill('Шевченко Тарас');
  await page.keyboard.press('Control+L');
  const lock = page.getByRole('dialog', { name: LOCK });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText('Працює: Адміністратор');
  await expect(lock.getByLabel('Пароль', { exact: true })).toBeFocused();
  await page.screenshot({ path: `${OUT}/lock.png` });
  await testInfo.attach('lock', { path: `${OUT}/lock.png`, contentType: 'image/png' });
  await lock.getByLabel('Пароль', { exact: true }).fill('not-this-one');
  await page.keyboard.press('Enter');
  await expect(lock.getByRole('alert')).toContainText('Неправильний логін або пароль.');
  await lock.getByLabel('Пароль', { exact: true }).fill('admin-own-pass-1');
  await page.keyboard.press('Enter');
  await expect(lock).toHaveCount(0);
  await expect(search).toHaveValue('Шевченко Тарас');
  await expect(search).toBeFocused();

  // The admin makes a clerk's account in Settings (a standalone desk).
  await page.getByRole('button', { name: 'Налаштування' }).click();
  const settings = page.getByRole('dialog', { name: 'Налаштування робочого місця' });
  const accounts = settings.getByRole('region', { name: 'Облікові записи' });
  await accounts.getByRole('button', { name: 'Новий обліковий запис' }).click();
  const form = accounts.getByRole('form', { name: 'Новий обліковий запис' });
  await form.getByLabel('Логін').fill('koval');
  await form.getByLabel('ПІБ').fill('Коваль Олена Петрівна');
  await form.getByLabel('Тимчасовий пароль').fill('temporary-1');
  await form.getByRole('button', { name: 'Зберегти' }).click();
  const row = accounts.getByRole('row', { name: /koval/ });
  await expect(row).toContainText('Коваль Олена Петрівна');
  await expect(row).toContainText('має змінити пароль');
  await page.keyboard.press('Escape');

  // The clerk signs in, chooses a password, and works without the supervisor's Review.
  await signOut(page);
  await typeCredentials(page, 'koval', 'temporary-1');
  await changePassword(page, 'temporary-1', 'koval-own-pass-1');
  await expect(page.getByRole('banner').getByLabel('Працює')).toHaveText('Коваль Олена Петрівна');
  await expect(nav.getByRole('button', { name: 'Прийом', exact: true })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Перегляд', exact: true })).toHaveCount(0);
  await page.keyboard.press('Alt+4');
  await expect(nav.getByRole('button', { name: 'Перегляд', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2 })).not.toHaveText('Перегляд за день');
  await page.getByRole('button', { name: 'Налаштування' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Налаштування робочого місця' }).getByRole('region', { name: 'Облікові записи' }),
  ).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Five wrong passwords in a row: the login is locked out, and the form says until when.
  await signOut(page);
  for (let left = 4; left >= 1; left -= 1) {
    await typeCredentials(page, 'koval', `wrong-${left}`);
    await expect(page.getByRole('alert')).toContainText(`Залишилося спроб до тимчасового блокування: ${left}.`);
  }
  await typeCredentials(page, 'koval', 'wrong-0');
  await expect(page.getByRole('alert')).toContainText(/Забагато невдалих спроб\. Наступна спроба — о \d\d\.\d\d\.\d{4} \d\d:\d\d\./);
  // Even the right password waits for the lockout to end.
  await typeCredentials(page, 'koval', 'koval-own-pass-1');
  await expect(page.getByRole('alert')).toContainText('Забагато невдалих спроб.');
  await expect(page.getByRole('navigation')).toHaveCount(0);

  // The admin is not locked out by the clerk's failures.
  await signIn(page, { login: 'admin', password: 'admin-own-pass-1' });
});
