import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { OUT, openConnected, registerQuickly, screenshotWhole, tabTo } from './page-helpers';

/** Saves a receipt download as PDF and renders its first page to PNG with poppler's pdftoppm. */
async function saveReceiptPage(page: Page, link: Locator, name: string, testInfo: TestInfo): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const downloaded = page.waitForEvent('download');
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  const download = await downloaded;
  const pdf = `${OUT}/${name}.pdf`;
  await download.saveAs(pdf);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, `${OUT}/${name}`]);
  await testInfo.attach(name, { path: `${OUT}/${name}.png`, contentType: 'image/png' });
}

test('a clerk registers a person with a representative for a service, only by keyboard; the receipt opens', async ({
  page,
  hostUrl,
}, testInfo) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await openConnected(page, hostUrl);

  await page.keyboard.press('Alt+2');
  const search = page.getByRole('combobox', { name: 'Пошук заявника' });
  await expect(search).toBeFocused();
  await page.keyboard.type('Шевченко Тарас Григорович');
  await expect(page.getByText('Нікого не знайдено. Створіть нового заявника.')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Новий заявник' })).toBeFocused();
  await page.keyboard.press('Enter');

  // The name typed into the search is already split into the form; the РНОКПП comes next.
  await expect(page.getByLabel('Прізвище')).toHaveValue('Шевченко');
  await expect(page.getByLabel('По батькові')).toHaveValue('Григорович');
  await expect(page.getByLabel('РНОКПП', { exact: true })).toBeFocused();
  await page.keyboard.type('1759 013 776');
  await page.keyboard.press('Tab');
  // Normalized on leaving, and the birth date and sex it encodes are filled in.
  await expect(page.getByLabel('РНОКПП', { exact: true })).toHaveValue('1759013776');
  await expect(page.getByLabel('Дата народження')).toHaveValue('28.02.1948');
  await expect(page.getByLabel('Стать')).toHaveValue('male');

  await tabTo(page, page.getByLabel('Серія та номер', { exact: true }));
  await page.keyboard.type('123 456 789');
  await tabTo(page, page.getByLabel('Дійсний до'));
  await page.keyboard.type('01.01.2032');
  await tabTo(page, page.getByLabel('Телефон'));
  await page.keyboard.type('067 123 45 67');

  // The representative: a person entered like the applicant, and a notarised power of attorney.
  await tabTo(page, page.getByRole('checkbox', { name: 'Звертається представник' }));
  await page.keyboard.press('Space');
  const rep = page.locator('#intake-rep-section');
  await tabTo(page, rep.getByRole('combobox', { name: 'Пошук представника' }));
  await page.keyboard.type('Коваленко Олена Петрівна');
  await page.keyboard.press('Tab');
  await expect(rep.getByRole('button', { name: 'Нова особа' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, rep.getByLabel('РНОКПП', { exact: true }));
  await page.keyboard.type('3068208400');
  await tabTo(page, rep.getByLabel('Підстава повноважень'));
  await page.keyboard.press('ArrowDown');
  await expect(rep.getByLabel('Підстава повноважень')).toHaveValue('poa_notarised');
  await tabTo(page, rep.getByLabel('Реєстровий номер довіреності'));
  await page.keyboard.type('1234');
  await page.keyboard.press('Tab');
  await page.keyboard.type('01.10.2025');
  await tabTo(page, rep.getByLabel('Нотаріус, що посвідчив довіреність'));
  await page.keyboard.type('Кравець Л. М.');

  // A service a representative may apply for (an ID card needs the applicant in person).
  await tabTo(page, page.getByRole('combobox', { name: 'Послуга' }));
  await page.keyboard.type('SZ-01');
  await expect(page.getByRole('option', { name: /SZ-01/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: /SZ-01/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  // The checklist comes from the catalog; focus is on its first line.
  const first = page.getByRole('checkbox', { name: /^Заява/ });
  await expect(first).toBeFocused();
  await page.keyboard.press('Space');
  await tabTo(page, page.getByLabel('Аркушів: Заява'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await tabTo(page, page.getByRole('checkbox', { name: /^Паспорт громадянина України/ }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('checkbox', { name: /^Свідоцтво про народження/ }));
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // original → copy
  await expect(page.getByLabel('Оригінал чи копія: Свідоцтво про народження')).toHaveValue('copy');
  await tabTo(page, page.getByRole('checkbox', { name: /^Реєстраційний номер облікової картки/ }));
  await page.keyboard.press('Space');

  await expect(page.getByRole('status').filter({ hasText: 'Чернетку збережено' })).toBeVisible();
  await screenshotWhole(page, 'intake-uk', testInfo);

  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Звернення зареєстровано')).toBeVisible();
  await expect(page.locator('.reg-number')).not.toBeEmpty();
  await expect(page.locator('.due-date')).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);

  const open = page.getByRole('button', { name: 'Відкрити опис (PDF)' });
  await expect(open).toBeEnabled();
  await screenshotWhole(page, 'registered-uk', testInfo);
  await tabTo(page, open);
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  expect((await popup).url()).toMatch(/^blob:/);

  await saveReceiptPage(page, page.getByRole('link', { name: 'Зберегти', exact: true }), 'receipt-uk', testInfo);
  await saveReceiptPage(page, page.getByRole('link', { name: 'Зберегти опис англійською' }), 'receipt-en', testInfo);
  expect(problems).toEqual([]);
});

test('invalid fields block Register with a summary, and focus moves to the first error', async ({ page, hostUrl }) => {
  await openConnected(page, hostUrl);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('combobox', { name: 'Пошук заявника' })).toBeFocused();
  await page.keyboard.type('Іваненко');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Ім’я')).toBeFocused();
  await tabTo(page, page.getByLabel('РНОКПП', { exact: true }));
  await page.keyboard.type('1759013770');
  await page.keyboard.press('Control+Enter');

  const summary = page.getByRole('alert').filter({ hasText: 'Щоб зареєструвати, виправте помилки' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Вкажіть ім’я');
  await expect(summary).toContainText('РНОКПП недійсний');
  await expect(summary).toContainText('Оберіть послугу');
  await expect(page.getByLabel('Ім’я')).toBeFocused();
  await expect(page.getByLabel('РНОКПП', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test('a draft survives a page reload and is discarded only on request', async ({ page, hostUrl }) => {
  await openConnected(page, hostUrl);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('combobox', { name: 'Пошук заявника' })).toBeFocused();
  await page.keyboard.type('Петренко Марія');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // Surname and given name came from the search; the first empty field is the patronymic.
  await expect(page.getByLabel('По батькові')).toBeFocused();
  await tabTo(page, page.getByLabel('РНОКПП', { exact: true }));
  await page.keyboard.type('3652504575');
  await expect(page.getByRole('status').filter({ hasText: 'Чернетку збережено' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText(/: підключено$/);
  await page.keyboard.press('Alt+2');
  const resume = page.getByRole('button', { name: 'Продовжити незавершений прийом' });
  await expect(resume).toBeFocused();
  await expect(page.getByText('Петренко Марія')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Прізвище')).toHaveValue('Петренко');
  await expect(page.getByLabel('РНОКПП', { exact: true })).toHaveValue('3652504575');

  // Still there after another reload: resuming does not consume the draft.
  await page.reload();
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: 'Відкинути' }).click();
  await expect(page.getByRole('combobox', { name: 'Пошук заявника' })).toBeFocused();
  await page.reload();
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('combobox', { name: 'Пошук заявника' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Продовжити незавершений прийом' })).toHaveCount(0);
});

test('a second application finds the same applicant by a partial surname in the wrong case; the card changes status', async ({
  page,
  hostUrl,
}, testInfo) => {
  await openConnected(page, hostUrl);
  const firstNumber = await registerQuickly(page);

  await page.getByRole('button', { name: 'Новий прийом' }).click();
  const search = page.getByRole('combobox', { name: 'Пошук заявника' });
  await expect(search).toBeFocused();
  await page.keyboard.type('шЕВЧ');
  const option = page.getByRole('option', { name: /Шевченко Тарас/ });
  await expect(option).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Пошук заявника' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('.chosen-title').first()).toContainText('Шевченко Тарас');
  await expect(page.getByRole('checkbox', { name: 'Послуга стосується іншої особи, не заявника' })).toBeFocused();
  await page.getByRole('combobox', { name: 'Послуга' }).fill('ID-01');
  await page.getByRole('listbox', { name: 'Послуга' }).getByRole('option').first().click();
  for (const line of await page.getByRole('table', { name: 'Подані документи' }).getByRole('checkbox').all()) await line.check();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Звернення зареєстровано')).toBeVisible();
  const secondNumber = (await page.locator('.reg-number').textContent()) ?? '';
  expect(secondNumber).not.toBe(firstNumber);

  // Both are in today's list; the card shows the history and allows only the machine's moves.
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Звернення');
  await expect(page.getByRole('button', { name: new RegExp(secondNumber) })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(firstNumber) }).click();
  await expect(page.getByRole('heading', { name: `Звернення № ${firstNumber}` })).toBeFocused();
  // The decision is the provider's: a clerk at the window cannot refuse.
  const actions = await page.getByLabel('Дія', { exact: true }).locator('option').allTextContents();
  expect(actions.some((label) => /відмов/i.test(label))).toBe(false);
  await page.getByLabel('Дія', { exact: true }).selectOption({ label: 'Передати суб’єкту надання' });
  await page.getByRole('button', { name: 'Змінити стан' }).click();
  await expect(page.locator('.history li')).toHaveCount(2);
  await expect(page.locator('.history')).toContainText('передано суб’єкту');
  await screenshotWhole(page, 'applications-uk', testInfo);
});

test('screenshot of the English intake screen', async ({ page, hostUrl }, testInfo) => {
  await openConnected(page, hostUrl);
  await page.getByRole('group', { name: 'Мова' }).getByRole('button', { name: 'English' }).click();
  await page.keyboard.press('Alt+2');
  await page.getByRole('combobox', { name: 'Find applicant' }).fill('Bondarenko Iryna');
  await page.getByRole('button', { name: 'New applicant' }).click();
  await page.getByLabel('РНОКПП (tax number)').fill('3068208400');
  await page.getByLabel('Phone').fill('+380671234567');
  await page.getByRole('combobox', { name: 'Service' }).fill('ID-01');
  await page.getByRole('listbox', { name: 'Service' }).getByRole('option').first().click();
  await page.getByRole('checkbox', { name: /^Birth certificate/ }).check();
  await page.getByRole('button', { name: 'Register' }).focus();
  await screenshotWhole(page, 'intake-en', testInfo);
});
