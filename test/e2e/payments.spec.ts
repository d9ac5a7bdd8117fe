import { expect, test } from './fixtures';
import { openConnected, registerQuickly, screenshotWhole, tabTo } from './page-helpers';

test('a clerk registers unpaid, enters the payment from the keyboard, and the card shows it settled', async ({
  page,
  hostUrl,
}, testInfo) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await openConnected(page, hostUrl);
  // An ID card: a paid service (the administrative fee and the blank).
  const number = await registerQuickly(page, 'ID-01');

  await page.keyboard.press('Alt+5');
  await page.getByRole('button', { name: new RegExp(number) }).click();
  const card = page.getByRole('article', { name: `Звернення № ${number}` });
  const payments = card.getByRole('region', { name: /Оплата і пільги/ });
  await expect(payments.getByRole('heading', { name: /Оплата і пільги/ })).toContainText('Не сплачено');
  const stillToPay = payments.locator('dt', { hasText: 'До сплати' }).locator('xpath=following-sibling::dd[1]');
  await expect(stillToPay).toHaveText(/^[1-9][\d,]* грн$/);

  // Each unpaid component in turn (an ID card: the administrative fee, then the blank), keyboard only.
  const components = await payments.getByRole('table', { name: 'Нараховано і сплачено за складовими' }).locator('tbody tr').count();
  for (let n = 0; n < components; n += 1) {
    await tabTo(page, payments.getByRole('button', { name: 'Внести оплату' }));
    await page.keyboard.press('Enter');
    // The first unpaid component and what it still owes are offered; the date is today's.
    await expect(payments.getByLabel('Складова')).toBeFocused();
    await expect(payments.getByLabel('Сума, грн')).toHaveValue(/^[1-9][\d,]*$/);
    await tabTo(page, payments.getByLabel('Квитанція або номер платежу'));
    await page.keyboard.type(`0.0.412345678${n}.1`);
    await page.keyboard.press('Enter');
    await expect(payments.getByRole('listitem')).toHaveCount(n + 1);
  }

  await expect(payments.getByRole('status')).toHaveText('Оплату збережено.');
  await expect(payments.getByRole('heading', { name: /Оплата і пільги/ })).toContainText('Сплачено повністю');
  await expect(stillToPay).toHaveText('0 грн');
  await expect(payments.getByRole('listitem').first()).toContainText('квитанція 0.0.4123456780.1');
  // Read again from the backend: the payment was stored, not only shown.
  await page.reload();
  await openConnected(page, hostUrl);
  await page.keyboard.press('Alt+5');
  await page.getByRole('button', { name: new RegExp(number) }).click();
  await expect(payments.getByRole('heading', { name: /Оплата і пільги/ })).toContainText('Сплачено повністю');
  await screenshotWhole(page, 'payments-settled-uk', testInfo);
  expect(problems).toEqual([]);
});
