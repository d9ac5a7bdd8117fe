import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { INITIAL_ADMIN } from '../../shared/auth';
import { TEST_ADMIN_PASSWORD } from '../helpers/sign-in';
import { expect } from './fixtures';
import type { BrowserHostProcess } from './fixtures';

export const OUT = 'test-results';

export interface Account {
  login: string;
  password: string;
}

async function submitSignIn(page: Page, { login, password }: Account): Promise<void> {
  await page.getByLabel('Логін', { exact: true }).fill(login);
  await page.getByLabel(/^Пароль( або PIN)?$/).fill(password);
  await page.getByLabel(/^Пароль( або PIN)?$/).press('Enter');
}

/**
 * Signs in on the sign-in form, as a clerk does (issue 15). Without an account: the desk's admin,
 * who on a first start signs in with admin/admin and must change it (to TEST_ADMIN_PASSWORD, as
 * the integration tests' signInAdmin does), and after that signs in with the changed one.
 */
export async function signIn(page: Page, account?: Account): Promise<void> {
  const form = page.getByRole('heading', { name: 'Вхід', level: 1 });
  const signOut = page.getByRole('banner').getByRole('button', { name: 'Вийти' });
  await expect(form.or(signOut)).toBeVisible({ timeout: 15_000 });
  // Reopened while the desk's admin is still signed in (a reload): the app is there already.
  if (!account && (await signOut.isVisible())) return;
  if (account) {
    await submitSignIn(page, account);
  } else {
    await submitSignIn(page, INITIAL_ADMIN);
    const change = page.getByRole('heading', { name: 'Зміна пароля' });
    await expect(change.or(page.getByRole('alert'))).toBeVisible();
    if (await change.isVisible()) {
      await page.getByLabel('Поточний пароль').fill(INITIAL_ADMIN.password);
      await page.getByLabel('Новий пароль', { exact: true }).fill(TEST_ADMIN_PASSWORD);
      await page.getByLabel('Новий пароль ще раз').fill(TEST_ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Змінити пароль' }).click();
    } else {
      await submitSignIn(page, { login: INITIAL_ADMIN.login, password: TEST_ADMIN_PASSWORD });
    }
  }
  await expect(signOut).toBeVisible();
}

/** The clerk the back-office specs work as: made at the back office, pulled by the desk (which holds only its admin). */
export const BACK_OFFICE_CLERK = { login: 'e2e.clerk', password: 'e2e-clerk-pass-1', fullName: 'Коваль Олена Петрівна' } as const;

/**
 * Makes BACK_OFFICE_CLERK (clerk and supervisor, every desk of the center) at the back office as
 * docs/IT.md says (`npm run server -- clerk add`, the temporary password from VIKNO_CLERK_PASSWORD),
 * after the desk's enrollment code and before its enrollment, so its first pull brings the account.
 */
export async function addBackOfficeClerk(serverData: string, centerCode = 'KV01'): Promise<void> {
  const { login, fullName, password } = BACK_OFFICE_CLERK;
  const args = ['scripts/server.ts', 'clerk', 'add', '--data', serverData, '--center', centerCode, '--login', login, '--name', fullName];
  await promisify(execFile)(process.execPath, [...args, '--roles', 'clerk,supervisor'], {
    env: { ...process.env, VIKNO_CLERK_PASSWORD: password },
  });
}

/** The desk's admin signs out and BACK_OFFICE_CLERK signs in, choosing their own password at the first sign-in. */
export async function signInBackOfficeClerk(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Вийти' }).click();
  await expect(page.getByRole('heading', { name: 'Вхід', level: 1 })).toBeVisible();
  await submitSignIn(page, BACK_OFFICE_CLERK);
  await expect(page.getByRole('heading', { name: 'Зміна пароля' })).toBeVisible();
  await page.getByLabel('Поточний пароль').fill(BACK_OFFICE_CLERK.password);
  await page.getByLabel('Новий пароль', { exact: true }).fill(`${BACK_OFFICE_CLERK.password}-own`);
  await page.getByLabel('Новий пароль ще раз').fill(`${BACK_OFFICE_CLERK.password}-own`);
  await page.getByRole('button', { name: 'Змінити пароль' }).click();
  await expect(page.getByRole('banner').getByLabel('Працює')).toHaveText(BACK_OFFICE_CLERK.fullName);
}

/** Opens the host's URL at a desk-sized viewport, signs in (the desk's admin unless `account`), and waits until the backend answered. */
export async function openConnected(page: Page, url: string, account?: Account): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await signIn(page, account);
  await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText(/: (підключено|connected)$/, { timeout: 15_000 });
}

/**
 * The desk KV01/07 pointed at the back office on `port` as docs/IT.md says (`backOffice.url` in
 * config.json, then a restart of the app) and opened; `extra` adds config keys.
 */
export async function pointDeskAt(page: Page, host: BrowserHostProcess, port: number, extra: Record<string, unknown> = {}): Promise<void> {
  const config = {
    center: { code: 'KV01', name: 'ЦНАП Київ' },
    desk: { code: '07', window: '7' },
    backOffice: { url: `http://127.0.0.1:${port}` },
    ...extra,
  };
  await writeFile(join(host.dataDir, 'config.json'), JSON.stringify(config));
  await openConnected(page, await host.restart());
}

/**
 * A screenshot of the whole screen: only the content area scrolls in the shell, so the viewport is
 * made as tall as the content for the shot, then restored.
 */
export async function screenshotWhole(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await page.evaluate(() => {
    const main = document.querySelector('main');
    return main ? document.documentElement.clientHeight - main.clientHeight + main.scrollHeight : document.body.scrollHeight;
  });
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 4000) });
  const path = `${OUT}/${name}.png`;
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Registers one application through the intake form (mouse and fill: this test is about sync, not the form); a new applicant each time. */
export async function registerQuickly(
  page: Page,
  serviceCode = 'MS-01',
  applicant: { name: string; rnokpp: string } = { name: 'Шевченко Тарас', rnokpp: '1759013776' },
): Promise<string> {
  await page.keyboard.press('Alt+2');
  await page.getByRole('combobox', { name: 'Пошук заявника' }).fill(applicant.name);
  await page.getByRole('button', { name: 'Новий заявник' }).click();
  await page.getByLabel('РНОКПП', { exact: true }).fill(applicant.rnokpp);
  // By default a service whose result may also go by post, so a later correction of the delivery is allowed.
  await page.getByRole('combobox', { name: 'Послуга' }).fill(serviceCode);
  await page.getByRole('listbox', { name: 'Послуга' }).getByRole('option').first().click();
  // Every required document handed in: nothing to insist on.
  for (const line of await page.getByRole('table', { name: 'Подані документи' }).getByRole('checkbox').all()) await line.check();
  await page.getByRole('button', { name: 'Зареєструвати' }).click();
  await expect(page.getByText('Звернення зареєстровано')).toBeVisible();
  return ((await page.locator('.reg-number').textContent()) ?? '').trim();
}

/** Presses Tab until `target` has focus (keyboard only: this is how a clerk walks the form). */
export async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/**
 * Enrolls the desk as docs/IT.md says (Settings → «Бек-офіс», the one-time code) and waits until
 * the status bar says the back office is reached; answers that status-bar button.
 */
export async function enrollFromSettings(page: Page, code: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Налаштування' }).click();
  const settings = page.getByRole('dialog', { name: 'Налаштування робочого місця' });
  await settings.getByLabel('Код реєстрації робочого місця').fill(code);
  await settings.getByRole('button', { name: 'Зареєструвати робоче місце' }).click();
  const syncState = page.getByRole('contentinfo').getByRole('button', { name: /^Бек-офіс: / });
  await expect(syncState).toHaveText('Бек-офіс: на зв’язку');
  await page.keyboard.press('Escape');
  return syncState;
}
