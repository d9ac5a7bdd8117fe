/** The clerk's steps the browser section takes between its measurements, by the UI's own labels. */
import type { Page } from '@playwright/test';
import { INITIAL_ADMIN } from '../../shared/auth';
import { TEST_ADMIN_PASSWORD } from '../helpers/sign-in';

/** The first start's sign-in as the desk's admin (every role on a desk without a back office), with the forced password change. */
export async function signInFirstStart(page: Page, url: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await page.getByLabel('Логін', { exact: true }).fill(INITIAL_ADMIN.login);
  const password = page.getByLabel(/^Пароль( або PIN)?$/);
  await password.fill(INITIAL_ADMIN.password);
  await password.press('Enter');
  await page.getByRole('heading', { name: 'Зміна пароля' }).waitFor();
  await page.getByLabel('Поточний пароль').fill(INITIAL_ADMIN.password);
  await page.getByLabel('Новий пароль', { exact: true }).fill(TEST_ADMIN_PASSWORD);
  await page.getByLabel('Новий пароль ще раз').fill(TEST_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Змінити пароль' }).click();
  await signedInShell(page);
}

/** Resolves once the shell shows its signed-in header. */
export async function signedInShell(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Вийти' }).waitFor({ timeout: 60_000 });
}

export const applicantSearch = (page: Page) => page.getByRole('combobox', { name: 'Пошук заявника' });

/** Types all but the last letter of `query` into the empty applicant search and waits for its results. */
export async function searchAllButLast(page: Page, query: string): Promise<void> {
  const search = applicantSearch(page);
  await search.fill('');
  await search.fill(query.slice(0, -1));
  await page.waitForFunction(
    (input) => {
      const listbox = document.getElementById(input?.getAttribute('aria-controls') ?? '');
      const status = listbox?.parentElement?.querySelector('.combobox-status')?.textContent ?? '';
      return status === '' && listbox?.querySelector('[role="option"]') !== null;
    },
    await search.elementHandle(),
    { timeout: 30_000 },
  );
}

/**
 * With an applicant picked: a service from the bench catalog, and every document handed in.
 * The pick moves focus to the next field in the next frame; filling the service before that
 * would lose its list to the moved focus, so this waits for the focus to land first.
 */
export async function fillRestOfIntake(page: Page, serviceCode: string): Promise<void> {
  await applicantSearch(page).waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement !== null && document.activeElement !== document.body);
  await page.getByRole('combobox', { name: 'Послуга' }).fill(serviceCode);
  await page.getByRole('listbox', { name: 'Послуга' }).getByRole('option').first().click();
  for (const line of await page.getByRole('table', { name: 'Подані документи' }).getByRole('checkbox').all()) await line.check();
}
