import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { OUT, openConnected, registerQuickly, screenshotWhole, tabTo } from './page-helpers';

test('documents handed in later make опис №2, shown on the card and printed; опис №1 stays as issued', async ({
  page,
  hostUrl,
}, testInfo) => {
  await openConnected(page, hostUrl);
  const number = await registerQuickly(page);
  await page.keyboard.press('Alt+5');
  await page.getByRole('button', { name: new RegExp(number) }).click();
  const card = page.getByRole('article', { name: `Звернення № ${number}` });
  await expect(card.getByRole('region', { name: 'Дані, зафіксовані під час реєстрації' })).toContainText('Шевченко Тарас');
  const first = card.getByRole('region', { name: 'Опис № 1' });
  const firstLines = await first.locator('ol').textContent();

  // From the keyboard: open the form, type the line, issue the receipt.
  await tabTo(page, card.getByRole('button', { name: 'Додати документи' }));
  await page.keyboard.press('Enter');
  await expect(card.getByLabel('Назва документа, рядок 1')).toBeVisible();
  await card.getByLabel('Назва документа, рядок 1').focus();
  await page.keyboard.type('Довідка з місця роботи');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  await tabTo(page, card.getByRole('button', { name: 'Скласти додатковий опис' }));
  await page.keyboard.press('Enter');

  const second = card.getByRole('region', { name: 'Додатковий опис № 2' });
  await expect(second).toContainText('Довідка з місця роботи — оригінал, арк.: 3, подано');
  await expect(card.getByRole('status').filter({ hasText: 'Складено додатковий опис № 2.' })).toBeVisible();
  expect(await first.locator('ol').textContent()).toBe(firstLines);

  const open = second.getByRole('button', { name: 'Відкрити опис (PDF)' });
  await expect(open).toBeEnabled();
  const popup = page.waitForEvent('popup');
  await open.click();
  expect((await popup).url()).toMatch(/^blob:/);

  mkdirSync(OUT, { recursive: true });
  const downloaded = page.waitForEvent('download');
  await second.getByRole('link', { name: 'Зберегти', exact: true }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe(`opys-${number}-2-uk.pdf`);
  const pdf = `${OUT}/receipt-2-uk.pdf`;
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Додатковий опис № 2');
  expect(text).toContain('1. Довідка з місця роботи оригінал подано 3');
  await screenshotWhole(page, 'receipts-uk', testInfo);
});
