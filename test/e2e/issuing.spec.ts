import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { OUT, openConnected, registerQuickly } from './page-helpers';

test('a refusal travels registered → handed off → in progress → result ready (negative) → issued; the acknowledgement names the receiver', async ({
  page,
  hostUrl,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await openConnected(page, hostUrl);
  const number = await registerQuickly(page);

  await page.keyboard.press('Alt+5');
  await page.getByRole('button', { name: new RegExp(number) }).click();
  const card = page.getByRole('article', { name: `Звернення № ${number}` });
  const move = async (action: string) => {
    await card.getByLabel('Дія').selectOption({ label: action });
  };
  const apply = () => card.getByRole('button', { name: 'Змінити стан' }).click();
  const status = card.locator('.card-status');

  await move('Передати суб’єкту надання');
  await apply();
  await expect(status).toContainText('передано суб’єкту');
  // A standalone desk records the provider's paper decision itself.
  await move('Взяти в роботу (суб’єкт надання)');
  await apply();
  await expect(status).toContainText('на розгляді');
  await move('Рішення прийнято, результат готовий (суб’єкт надання)');
  await card.getByLabel('Рішення', { exact: true }).selectOption({ label: 'відмова' });
  await card.getByLabel(/Номер рішення/).fill('17/2-ВД');
  const today = new Intl.DateTimeFormat('uk-UA', { timeZone: 'Europe/Kyiv', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(),
  );
  await card.getByLabel(/Дата рішення/).fill(today);
  // The grounds are picked from the service card's list.
  await card
    .getByRole('group', { name: /Підстави відмови/ })
    .getByRole('checkbox')
    .first()
    .check();
  await apply();
  await expect(status).toContainText('результат готовий');
  await expect(card).toContainText('відмова · № 17/2-ВД');

  await move('Видати результат');
  await expect(card.getByLabel(/Прізвище, ім’я, по батькові отримувача/)).toHaveValue('Шевченко Тарас');
  await card.getByLabel(/Документ отримувача/).fill('ID-картка 001234567');
  await apply();
  // Closing the case asks first and says it cannot be undone.
  await expect(card.getByRole('group', { name: /не можна скасувати/ })).toBeVisible();
  await card.getByRole('button', { name: 'Так, закрити звернення' }).click();
  await expect(status).toContainText('видано');

  mkdirSync(OUT, { recursive: true });
  const downloaded = page.waitForEvent('download');
  await card.getByRole('link', { name: 'Зберегти розписку' }).click();
  const pdf = `${OUT}/rozpyska.pdf`;
  await (await downloaded).saveAs(pdf);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Розписка про отримання результату');
  expect(text).toContain('Результат отримав(ла) Шевченко Тарас');
  expect(text).toContain('ID-картка 001234567');
  expect(text).toContain('рішення про відмову № 17/2-ВД');
  // The grounds as the service card words them, not their codes.
  expect(text).toContain('підстави: Подання неповного пакета документів');
  expect(problems).toEqual([]);
});
