import { expect, test } from './fixtures';
import { openConnected, registerQuickly, screenshotWhole } from './page-helpers';

test('the sync panel on a standalone desk: pending changes, per-record badges and a correction', async ({ page, hostUrl }, testInfo) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await openConnected(page, hostUrl);

  // A fresh standalone desk: nothing waiting, nothing to press.
  const openPanel = page.getByRole('contentinfo').getByRole('button', { name: 'Автономний режим — без бек-офісу' });
  await expect(openPanel).toBeVisible();
  await openPanel.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Синхронізація' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Стан: автономний режим');
  // A standalone desk has no back office to send to: its changes are kept here, not «waiting».
  await expect(panel).toContainText('Збережено лише на цьому робочому місці: 0');
  await expect(panel).not.toContainText('Очікують надсилання:');
  await expect(panel.getByText('Немає змін, що очікують надсилання.')).toBeVisible();
  await expect(panel.getByText('Відхилених і конфліктних змін немає.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Синхронізувати зараз' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(openPanel).toBeFocused();

  const number = await registerQuickly(page);

  // The registration (and the new applicant) wait in the outbox: no back office to send them to.
  await openPanel.click();
  await expect(panel).toBeVisible();
  const pendingList = panel.getByRole('list', { name: 'Очікують надсилання' });
  await expect(pendingList.getByText('Реєстрація звернення')).toHaveCount(1);
  await expect(pendingList.getByText('Заявник', { exact: true })).toHaveCount(1);
  await expect(panel).toContainText(/Збережено лише на цьому робочому місці: [1-9]/);
  await expect(panel).toContainText(/найдавніша чекає (менше хвилини|\d+ хв)/);
  await screenshotWhole(page, 'sync-panel-uk', testInfo);
  await panel.getByRole('button', { name: 'Закрити' }).click();
  await expect(panel).toBeHidden();

  // The list row and the card both say the record is only here.
  await page.keyboard.press('Alt+5');
  const row = page.getByRole('button', { name: new RegExp(number) });
  await expect(row).toContainText('Збережено локально');
  await row.click();
  const card = page.getByRole('article', { name: `Звернення № ${number}` });
  await expect(card.locator('.card-status')).toContainText('Збережено локально');

  // A correction: notes and how the result is received.
  await card.getByRole('button', { name: 'Виправити', exact: true }).click();
  await expect(card.getByLabel('Спосіб отримання результату')).toBeFocused();
  await card.getByLabel('Спосіб отримання результату').selectOption({ label: 'поштою' });
  await card.getByLabel('Примітки').fill('Заявник просить надіслати поштою');
  await card.getByRole('button', { name: 'Зберегти виправлення' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Виправлення збережено.' })).toBeVisible();
  await expect(card.locator('.card-facts').first()).toContainText('Заявник просить надіслати поштою');
  await expect(card.locator('.card-facts').first()).toContainText('поштою');
  await expect(card.locator('.card-status')).toContainText('Збережено локально');
  await expect(card.getByRole('button', { name: 'Виправити', exact: true })).toBeFocused();
  await screenshotWhole(page, 'sync-card-uk', testInfo);

  // The correction is one more change waiting to be sent.
  await openPanel.click();
  await expect(panel.getByRole('list', { name: 'Очікують надсилання' }).getByText('Виправлення звернення')).toHaveCount(1);
  await page.keyboard.press('Escape');

  // Still there after a reload: it was saved, not just shown.
  await page.reload();
  await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText(/: підключено$/);
  await page.keyboard.press('Alt+5');
  await page.getByRole('button', { name: new RegExp(number) }).click();
  await expect(
    page
      .getByRole('article', { name: `Звернення № ${number}` })
      .locator('.card-facts')
      .first(),
  ).toContainText('Заявник просить надіслати поштою');
  expect(problems).toEqual([]);
});

test('the sync panel in English', async ({ page, hostUrl }, testInfo) => {
  await openConnected(page, hostUrl);
  await page.getByRole('group', { name: 'Мова' }).getByRole('button', { name: 'English' }).click();
  await page.getByRole('contentinfo').getByRole('button', { name: 'Standalone — no back office' }).click();
  const panel = page.getByRole('dialog', { name: 'Sync' });
  await expect(panel).toContainText('Kept on this desk only: 0');
  await expect(panel.getByText('No changes are waiting to be sent.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Sync now' })).toHaveCount(0);
  await screenshotWhole(page, 'sync-panel-en', testInfo);
});
