import { expect, test } from './fixtures';
import { openConnected } from './page-helpers';

const WEEKDAYS = ['неділя', 'понеділок', 'вівторок', 'середа', 'четвер', 'п’ятниця', 'субота'];

test('a supervisor adds a holiday to the working-day calendar from the settings, sees it listed, and removes it', async ({
  page,
  hostUrl,
}, testInfo) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await openConnected(page, hostUrl);
  const year = new Date().getFullYear();
  const christmas = `25.12.${year}`;

  await page.getByRole('button', { name: 'Налаштування' }).click();
  const settings = page.getByRole('dialog', { name: 'Налаштування робочого місця' });
  await expect(settings).toBeVisible();
  await settings.getByRole('button', { name: 'Відкрити календар' }).click();

  const calendar = page.getByRole('dialog', { name: 'Календар робочих днів' });
  await expect(calendar).toBeVisible();
  await expect(
    calendar.getByText('Строки нових звернень розраховуються за календарем одразу; уже зареєстровані звернення зберігають свої строки.'),
  ).toBeVisible();
  await expect(calendar.getByText(/розглядаються/)).toHaveCount(0);
  // Opens on the current year, with the year before and after on offer.
  const yearSelect = calendar.getByLabel('Рік');
  await expect(yearSelect).toHaveValue(String(year));
  await expect(yearSelect.getByRole('option')).toHaveText([String(year - 1), String(year), String(year + 1)]);
  await expect(calendar.getByRole('heading', { name: `Налаштовані дні ${year} року` })).toBeVisible();
  const martialLaw = calendar.getByRole('checkbox', { name: 'Воєнний стан: святкові дні є робочими' });
  await expect(martialLaw).toBeChecked();
  await expect(calendar.getByText(/Завантаження календаря/)).toBeHidden();

  // A date that is not a day is stopped at the field, and nothing is sent.
  const date = calendar.getByLabel('Дата', { exact: true });
  await date.fill(`31.02.${year}`);
  await calendar.getByRole('button', { name: 'Додати' }).click();
  await expect(calendar.getByText('Такого дня в календарі немає')).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toBeFocused();

  // Christmas as a day off, by keyboard from the date field.
  await date.fill(christmas);
  await expect(date).not.toHaveAttribute('aria-invalid');
  await page.keyboard.press('Tab');
  await expect(calendar.getByLabel('Вид дня')).toBeFocused();
  await expect(calendar.getByLabel('Вид дня')).toHaveValue('day_off');
  await page.keyboard.press('Tab');
  await expect(calendar.getByLabel('Назва')).toBeFocused();
  await page.keyboard.type('Різдво');
  await page.keyboard.press('Enter');

  await expect(calendar.getByRole('status')).toHaveText(`День ${christmas} збережено в календарі.`);
  // The configured days' table: the year template lists Christmas too.
  const configured = calendar.getByRole('table', { name: `Налаштовані дні ${year} року` });
  const row = configured.getByRole('row', { name: new RegExp(christmas.replaceAll('.', '\\.')) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('rowheader')).toHaveText(christmas);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, 11, 25)).getUTCDay()] ?? '';
  await expect(row.getByRole('cell')).toHaveText([weekday, 'вихідний (святковий) день', 'Різдво', 'Видалити']);
  await expect(date).toHaveValue('');
  await expect(date).toBeFocused();
  await calendar.screenshot({ path: 'test-results/calendar-dialog.png' });
  await testInfo.attach('calendar-dialog', { path: 'test-results/calendar-dialog.png', contentType: 'image/png' });

  const remove = calendar.getByRole('button', { name: `Видалити ${christmas}` });
  await remove.focus();
  await page.keyboard.press('Enter');
  // A removal is confirmed first: nothing is removed until the clerk says yes.
  const yes = calendar.getByRole('button', { name: `Так, видалити ${christmas}` });
  await expect(yes).toBeFocused();
  await expect(row).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(calendar.getByRole('status')).toHaveText(`День ${christmas} вилучено з календаря.`);
  await expect(row).toHaveCount(0);
  await expect(calendar.getByRole('button', { name: `Видалити ${christmas}` })).toHaveCount(0);

  // Escape closes the calendar and gives the settings back, focus on the button that opened it.
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(settings.getByRole('button', { name: 'Відкрити календар' })).toBeFocused();
  expect(problems).toEqual([]);
});

test('a supervisor switches martial law off and on: the year template’s days become days off, and a weekend day off is warned about', async ({
  page,
  hostUrl,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await openConnected(page, hostUrl);
  const year = new Date().getFullYear();

  await page.getByRole('button', { name: 'Налаштування' }).click();
  await page.getByRole('dialog', { name: 'Налаштування робочого місця' }).getByRole('button', { name: 'Відкрити календар' }).click();
  const calendar = page.getByRole('dialog', { name: 'Календар робочих днів' });
  const martialLaw = calendar.getByRole('checkbox', { name: 'Воєнний стан: святкові дні є робочими' });
  await expect(martialLaw).toBeChecked();
  await expect(calendar.getByText(/ст\. 73 КЗпП не застосовується/)).toBeVisible();
  // A muted note in the dialog (which the header holds) keeps the muted text colour, not the header's light one.
  await expect(calendar.getByText('Робоче місце працює автономно: календар зберігається лише на ньому.')).toHaveCSS(
    'color',
    'rgb(90, 100, 114)',
  );

  const template = calendar.getByRole('table', { name: `Державні свята ${year} року (ст. 73 КЗпП) і перенесення (ст. 67)` });
  // Easter is a Sunday: its transfer is a weekday, worked under martial law.
  const easterMonday = template.getByRole('row', { name: /перенесення вихідного: Великдень/ });
  await expect(easterMonday.getByRole('cell').last()).toHaveText('робочий (воєнний стан)');

  // By keyboard: the switch takes Space.
  await martialLaw.focus();
  await page.keyboard.press('Space');
  await expect(calendar.getByRole('status')).toHaveText('Святкові дні та їх перенесення тепер вихідні.');
  await expect(martialLaw).not.toBeChecked();
  await expect(easterMonday.getByRole('cell').last()).toHaveText('вихідний');

  // A day off typed on a Saturday: warned, with the art. 67 transfer offered.
  const saturday = new Date(Date.UTC(year, 5, 1));
  saturday.setUTCDate(1 + ((6 - saturday.getUTCDay() + 7) % 7));
  const ddmmyyyy = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('.');
  const date = calendar.getByLabel('Дата', { exact: true });
  await date.fill(ddmmyyyy(saturday));
  await expect(calendar.getByText(/вихідний і так/)).toBeVisible();
  await expect(calendar.getByRole('button', { name: /^Взяти \d\d\.06\./ })).toBeVisible();

  await martialLaw.focus();
  await page.keyboard.press('Space');
  await expect(calendar.getByRole('status')).toHaveText('Воєнний стан: святкові дні тепер робочі.');
  await expect(easterMonday.getByRole('cell').last()).toHaveText('робочий (воєнний стан)');
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  expect(problems).toEqual([]);
});
