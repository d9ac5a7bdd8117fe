/**
 * The supervisor's day (issue 15) on a standalone desk: a clerk signs in, registers two
 * applications and signs out; the supervisor signs in, sees both under that clerk, corrects one
 * with a reason, exports the journal as CSV, and reads all of it in the audit trail.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { OUT, openConnected, registerQuickly, screenshotWhole } from './page-helpers';

const CLERK = { login: 'koval', fullName: 'Коваль Олена Петрівна', temporary: 'temporary-1', own: 'koval-own-pass-1' };
const SUPERVISOR = { login: 'moroz', fullName: 'Мороз Ірина Василівна', temporary: 'temporary-2', own: 'moroz-own-pass-1' };

async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Вийти' }).click();
  await expect(page.getByRole('heading', { name: 'Вхід', level: 1 })).toBeVisible();
}

/** A first sign-in with the temporary password the admin gave, then the clerk's own. */
async function firstSignIn(page: Page, who: typeof CLERK): Promise<void> {
  await page.getByLabel('Логін', { exact: true }).fill(who.login);
  await page.getByLabel('Пароль', { exact: true }).fill(who.temporary);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Зміна пароля' })).toBeVisible();
  await page.getByLabel('Поточний пароль').fill(who.temporary);
  await page.getByLabel('Новий пароль', { exact: true }).fill(who.own);
  await page.getByLabel('Новий пароль ще раз').fill(who.own);
  await page.getByRole('button', { name: 'Змінити пароль' }).click();
  await expect(page.getByRole('banner').getByLabel('Працює')).toHaveText(who.fullName);
}

/** The admin makes an account in Settings with these roles (the form starts with none ticked but the first). */
async function makeAccount(page: Page, who: typeof CLERK, roles: readonly string[]): Promise<void> {
  await page.getByRole('button', { name: 'Налаштування' }).click();
  const accounts = page.getByRole('dialog', { name: 'Налаштування робочого місця' }).getByRole('region', { name: 'Облікові записи' });
  await accounts.getByRole('button', { name: 'Новий обліковий запис' }).click();
  const form = accounts.getByRole('form', { name: 'Новий обліковий запис' });
  await form.getByLabel('Логін').fill(who.login);
  await form.getByLabel('ПІБ').fill(who.fullName);
  for (const role of ['адміністратор ЦНАП', 'керівник', 'системний адміністратор', 'суб’єкт надання']) {
    await form.getByRole('checkbox', { name: role, exact: true }).setChecked(roles.includes(role));
  }
  await form.getByLabel('Тимчасовий пароль').fill(who.temporary);
  await form.getByRole('button', { name: 'Зберегти' }).click();
  await expect(accounts.getByRole('row', { name: new RegExp(who.login) })).toContainText(who.fullName);
  await page.keyboard.press('Escape');
}

test('a clerk registers two applications; the supervisor sees them, corrects one with a reason, exports, and reads the audit trail', async ({
  page,
  hostUrl,
}, testInfo) => {
  test.setTimeout(180_000);
  await openConnected(page, hostUrl);
  await makeAccount(page, CLERK, ['адміністратор ЦНАП']);
  await makeAccount(page, SUPERVISOR, ['керівник', 'адміністратор ЦНАП']);

  // The clerk's shift: two citizens.
  await signOut(page);
  await firstSignIn(page, CLERK);
  const first = await registerQuickly(page);
  await page.getByRole('button', { name: 'Новий прийом' }).click();
  const second = await registerQuickly(page, 'ID-01', { name: 'Коваленко Ірина', rnokpp: '2245134075' });
  await signOut(page);

  // The supervisor's review: both applications, under the clerk who took them in.
  await firstSignIn(page, SUPERVISOR);
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: 'Перегляд за день', level: 2 })).toBeVisible();
  const chart = page.getByRole('figure', { name: 'Звернення за працівниками' });
  await chart.getByText('Ті самі дані таблицею').click();
  const byClerk = chart.getByRole('table', { name: 'Звернення за працівниками' });
  await expect(byClerk.getByRole('row', { name: new RegExp(CLERK.fullName) })).toContainText('2');
  // The chart in Chromium: a picture named by its figures, one tab stop showing the chosen bar's value.
  const picture = chart.getByRole('img', { name: new RegExp(`^Звернення за працівниками: .*${CLERK.fullName} — 2`) });
  await picture.focus();
  await expect(picture.locator('.review-chart-value')).toHaveText('2');
  const registered = page.getByRole('table', { name: 'Зареєстровані за період' });
  await expect(registered.getByRole('row', { name: new RegExp(first) })).toContainText(CLERK.fullName);
  await expect(registered.getByRole('row', { name: new RegExp(second) })).toContainText(CLERK.fullName);
  await screenshotWhole(page, 'review-day', testInfo);

  // Click through to the first case and correct it, with a reason.
  await registered.getByRole('button', { name: `Відкрити звернення № ${first}` }).click();
  await page.getByRole('button', { name: 'Виправлення керівника' }).click();
  const correction = page.getByRole('region', { name: 'Виправлення керівником зміни' });
  await correction.getByLabel('Примітки').fill('Заявник просив дзвонити після 14:00');
  await correction.getByLabel('Причина виправлення').fill('Примітку не внесено при прийомі');
  await correction.getByRole('button', { name: 'Виправити', exact: true }).click();
  await expect(page.getByText('Виправлено; причину записано в історію.')).toBeVisible();
  await expect(page.getByText('Виправлено: Примітку не внесено при прийомі')).toBeVisible();

  // The day's journal as CSV: Excel opens it with its Cyrillic intact.
  await page.keyboard.press('Alt+4');
  await page.getByRole('tab', { name: 'Журнали' }).click();
  await page.getByRole('button', { name: 'CSV для Excel' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Зберегти / }).click();
  const csv = readFileSync(await (await downloading).path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.toString('utf8');
  expect(text).toContain(first);
  expect(text).toContain(second);
  expect(text).toContain(CLERK.fullName);

  // The audit trail: the sign-ins, both registrations, the correction with its reason, the export; the chain whole.
  await page.getByRole('tab', { name: 'Аудит' }).click();
  const checked = page.getByText(/Журнал цілісний: перевірено \d+ записів/);
  await expect(checked).toBeVisible();
  // Everything up to the export was checked, not only what the start-up check found (none, on a first day).
  expect(Number(/перевірено (\d+)/.exec((await checked.textContent()) ?? '')?.[1])).toBeGreaterThan(20);
  const trail = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Подробиці' }) });
  await expect(trail.getByRole('row', { name: /реєстрація звернення/ }).filter({ hasText: CLERK.fullName })).toHaveCount(2);
  await expect(trail.getByRole('row', { name: /зміна звернення/ }).filter({ hasText: 'Примітку не внесено при прийомі' })).toHaveCount(1);
  await expect(trail.getByRole('row', { name: /вивантаження журналу реєстрації/ }).filter({ hasText: SUPERVISOR.fullName })).toHaveCount(1);
  await expect(trail.getByRole('row', { name: /вхід/ }).filter({ hasText: CLERK.fullName }).first()).toBeVisible();
  await expect(trail.getByRole('row', { name: /новий обліковий запис/ }).filter({ hasText: 'логін: moroz' })).toContainText('керівник');
  // No code words where a person reads: actions and details are in words.
  await expect(trail).not.toContainText('auth.');
  await expect(trail).not.toContainText('correctionReason');
  await screenshotWhole(page, 'review-audit', testInfo);
  await page.screenshot({ path: `${OUT}/review-audit-viewport.png` });
});
