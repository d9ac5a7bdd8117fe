/**
 * The applicants intake used to turn away, registered keyboard only (Tab, typing, Space, arrows,
 * Ctrl+Enter), each with a screenshot in test-results/: a foreigner without an РНОКПП, a mother for
 * her newborn, a company head without a power of attorney; and a service that needs the applicant
 * in person refusing a representative.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openConnected, screenshotWhole, tabTo } from './page-helpers';

async function typeInto(page: Page, control: Locator, text: string): Promise<void> {
  await tabTo(page, control);
  await page.keyboard.type(text);
}

/** A drop-down walked with the arrow keys to the option whose label starts with `label`. */
async function choose(page: Page, select: Locator, label: string): Promise<void> {
  await tabTo(page, select);
  const options = await select.locator('option').allTextContents();
  const target = options.findIndex((text) => text.startsWith(label));
  expect(target, `${label} among ${options.join(', ')}`).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Home');
  for (let i = 0; i < target; i += 1) await page.keyboard.press('ArrowDown');
}

async function tick(page: Page, checkbox: Locator): Promise<void> {
  await tabTo(page, checkbox);
  await page.keyboard.press('Space');
  await expect(checkbox).toBeChecked();
}

/** A new person from a search box: type the name, Tab to the "new" button, Enter. */
async function newPerson(page: Page, search: Locator, name: string, button: string): Promise<void> {
  await tabTo(page, search);
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: button })).toBeFocused();
  await page.keyboard.press('Enter');
}

async function chooseService(page: Page, code: string): Promise<void> {
  await typeInto(page, page.getByRole('combobox', { name: 'Послуга' }), code);
  await expect(page.getByRole('option', { name: new RegExp(code) })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // The checklist comes from the catalog; focus is on its first line.
  await expect(page.locator('.checklist input[type="checkbox"]').first()).toBeFocused();
}

/** Every document of the checklist handed in, ticked one by one with Space. */
async function tickEveryDocument(page: Page): Promise<void> {
  const lines = page.getByRole('table', { name: 'Подані документи' }).getByRole('checkbox');
  const count = await lines.count();
  for (let i = 0; i < count; i += 1) await tick(page, lines.nth(i));
}

async function registerByKeyboard(page: Page): Promise<string> {
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Звернення зареєстровано')).toBeVisible();
  return ((await page.locator('.reg-number').textContent()) ?? '').trim();
}

/** The application's card, opened from the applications screen by keyboard. */
async function openCard(page: Page, number: string): Promise<Locator> {
  await page.keyboard.press('Alt+5');
  const row = page.getByRole('button', { name: new RegExp(number) });
  await tabTo(page, row, 60);
  await page.keyboard.press('Enter');
  const card = page.getByRole('article', { name: `Звернення № ${number}` });
  await expect(card).toBeVisible();
  return card;
}

test('a foreigner with a temporary residence permit and no РНОКПП registers their place of residence', async ({
  page,
  hostUrl,
}, testInfo) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await openConnected(page, hostUrl);
  await page.keyboard.press('Alt+2');
  await newPerson(page, page.getByRole('combobox', { name: 'Пошук заявника' }), 'Сміт Джон', 'Новий заявник');
  await expect(page.getByLabel('Прізвище')).toHaveValue('Сміт');

  await choose(page, page.getByLabel('Немає РНОКПП — причина'), 'іноземець');
  await expect(page.getByLabel('Немає РНОКПП — причина')).toHaveValue('foreigner');
  await expect(page.getByLabel('РНОКПП', { exact: true })).toHaveCount(0);
  await choose(page, page.getByLabel('Документ особи'), 'посвідка на тимчасове');
  await expect(page.getByLabel('Документ особи')).toHaveValue('temporary_residence_permit');
  await typeInto(page, page.getByLabel('Серія та номер', { exact: true }), '987654321');
  await typeInto(page, page.getByLabel('Дійсний до'), '01.06.2030');
  await choose(page, page.getByLabel('Громадянство'), 'інша');
  await typeInto(page, page.getByLabel('Код держави'), 'USA');

  await chooseService(page, 'RM-04');
  await tickEveryDocument(page);
  await screenshotWhole(page, 'story-foreigner-form', testInfo);
  const number = await registerByKeyboard(page);
  await screenshotWhole(page, 'story-foreigner-registered', testInfo);

  const card = await openCard(page, number);
  await expect(card).toContainText('Сміт Джон');
  await expect(card).toContainText('RM-04');
  expect(problems).toEqual([]);
});

test('a mother registers her newborn’s birth: the child is the person concerned, she its legal representative', async ({
  page,
  hostUrl,
}, testInfo) => {
  await openConnected(page, hostUrl);
  await page.keyboard.press('Alt+2');
  await newPerson(page, page.getByRole('combobox', { name: 'Пошук заявника' }), 'Коваленко Олена Петрівна', 'Новий заявник');
  await typeInto(page, page.getByLabel('РНОКПП', { exact: true }), '3068208400');

  const subject = page.locator('#intake-subject-section');
  await tick(page, page.getByRole('checkbox', { name: 'Послуга стосується іншої особи, не заявника' }));
  await newPerson(
    page,
    subject.getByRole('combobox', { name: 'Пошук особи, щодо якої надається послуга' }),
    'Коваленко Марко',
    'Нова особа',
  );
  await choose(page, subject.getByLabel('Немає РНОКПП — причина'), 'дитина');
  await expect(subject.getByLabel('Немає РНОКПП — причина')).toHaveValue('child');
  await choose(page, subject.getByLabel('Документ особи'), 'інший');
  await typeInto(page, subject.getByLabel('Серія та номер', { exact: true }), 'МСН 0417');

  await tick(page, page.getByRole('checkbox', { name: /^Заявник — законний представник цієї особи/ }));
  const rep = page.locator('#intake-rep-section');
  await expect(rep).toContainText('Представник — сам заявник');
  await expect(rep.getByLabel('Підстава повноважень')).toHaveValue('legal_representative');
  await expect(rep.getByLabel('Документ, що підтверджує повноваження')).toHaveValue('birth_certificate');
  await typeInto(page, rep.getByLabel('Серія та номер свідоцтва про народження'), 'МСН 0417');

  await chooseService(page, 'RA-01');
  await tickEveryDocument(page);
  await screenshotWhole(page, 'story-birth-form', testInfo);
  const number = await registerByKeyboard(page);
  await screenshotWhole(page, 'story-birth-registered', testInfo);

  const card = await openCard(page, number);
  await expect(card).toContainText('Коваленко Олена Петрівна');
  await expect(card.getByText('Особа, щодо якої надається послуга').locator('xpath=following-sibling::dd[1]')).toHaveText(
    'Коваленко Марко',
  );
  await expect(card.getByText('Представник', { exact: true }).locator('xpath=following-sibling::dd[1]')).toContainText(
    'законний представник (батьки, опікун, піклувальник) · свідоцтво про народження дитини · № МСН 0417',
  );
  await screenshotWhole(page, 'story-birth-card', testInfo);
});

test('a company head registers changes to the company without a power of attorney', async ({ page, hostUrl }, testInfo) => {
  await openConnected(page, hostUrl);
  await page.keyboard.press('Alt+2');
  await newPerson(page, page.getByRole('combobox', { name: 'Пошук заявника' }), '32855961', 'Новий заявник');
  // Eight digits typed into the search are an ЄДРПОУ: the applicant is a legal entity.
  await expect(page.getByLabel('Код ЄДРПОУ')).toHaveValue('32855961');
  await typeInto(page, page.getByLabel('Найменування'), 'ТОВ «Зоря»');

  const rep = page.locator('#intake-rep-section');
  await tick(page, page.getByRole('checkbox', { name: 'Звертається представник' }));
  await newPerson(page, rep.getByRole('combobox', { name: 'Пошук представника' }), 'Бондар Іван Миколайович', 'Нова особа');
  await typeInto(page, rep.getByLabel('РНОКПП', { exact: true }), '1759013776');
  await choose(page, rep.getByLabel('Підстава повноважень'), 'керівник');
  await expect(rep.getByLabel('Підстава повноважень')).toHaveValue('company_head');
  await expect(rep.getByLabel(/Номер/)).toHaveCount(0);
  await tick(page, rep.getByRole('checkbox', { name: 'Перевірено в ЄДР: особа є керівником юридичної особи' }));

  await chooseService(page, 'YO-02');
  await tickEveryDocument(page);
  await screenshotWhole(page, 'story-company-head-form', testInfo);
  const number = await registerByKeyboard(page);
  await screenshotWhole(page, 'story-company-head-registered', testInfo);

  const card = await openCard(page, number);
  await expect(card).toContainText('ТОВ «Зоря»');
  await expect(card.getByText('Представник', { exact: true }).locator('xpath=following-sibling::dd[1]')).toContainText(
    'керівник юридичної особи (за ЄДР) · перевірено в ЄДР · може отримати результат',
  );
});

test('a service that needs the applicant in person refuses a representative', async ({ page, hostUrl }, testInfo) => {
  await openConnected(page, hostUrl);
  await page.keyboard.press('Alt+2');
  await newPerson(page, page.getByRole('combobox', { name: 'Пошук заявника' }), 'Ткач Роман', 'Новий заявник');
  await typeInto(page, page.getByLabel('РНОКПП', { exact: true }), '3068208400');
  const representative = page.getByRole('checkbox', { name: 'Звертається представник' });
  await tick(page, representative);

  await chooseService(page, 'ID-01');
  await tickEveryDocument(page);
  await page.keyboard.press('Control+Enter');
  await expect(representative).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Послуга потребує особистої присутності: представник не допускається').first()).toBeVisible();
  await expect(page.getByText('Звернення зареєстровано')).toHaveCount(0);
  await screenshotWhole(page, 'story-personal-attendance-refused', testInfo);

  // Taking the representative off: the section says why none is offered, and the applicant registers.
  await tabTo(page, representative);
  await page.keyboard.press('Space');
  await expect(page.getByText('Ця послуга потребує особистої присутності заявника: представник не допускається.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Звертається представник' })).toHaveCount(0);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Звернення зареєстровано')).toBeVisible();
});

test('an ID card in the shorter term: the tier picked with the arrow keys, its term and fee shown, kept on the case', async ({
  page,
  hostUrl,
}, testInfo) => {
  await openConnected(page, hostUrl);
  await page.keyboard.press('Alt+2');
  await newPerson(page, page.getByRole('combobox', { name: 'Пошук заявника' }), 'Бондар Олеся', 'Новий заявник');
  await typeInto(page, page.getByLabel('РНОКПП', { exact: true }), '3068208400');
  await chooseService(page, 'ID-01');
  const preview = page.locator('.terms-preview');
  await expect(preview).toContainText('не пізніше 20 робочих днів з дня подання');
  await expect(preview).toContainText('Разом до сплати: 558 грн');

  const tiers = page.getByRole('group', { name: 'Строк надання' });
  await tabTo(page, tiers.getByRole('radio', { name: '20 робочих днів' }));
  await page.keyboard.press('ArrowDown');
  await expect(tiers.getByRole('radio', { name: '10 робочих днів' })).toBeChecked();
  await expect(preview).toContainText('не пізніше 10 робочих днів з дня подання');
  await expect(preview).toContainText('Разом до сплати: 858 грн');
  await screenshotWhole(page, 'story-id-card-express', testInfo);

  await tickEveryDocument(page);
  const number = await registerByKeyboard(page);
  await expect(page.locator('.due-date')).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);
  const card = await openCard(page, number);
  const terms = card.getByRole('region', { name: 'Строк і вартість' });
  await expect(terms).toContainText('10 робочих днів · не пізніше 10 робочих днів з дня подання');
  await expect(terms).toContainText('Разом до сплати: 858 грн');
});
