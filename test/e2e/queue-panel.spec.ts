import { expect, test } from './fixtures';
import { signIn } from './page-helpers';

/**
 * The clerk's queue panel through the browser host on a standalone desk (no back office): the
 * app opens on it, a walk-in is served on a local ticket by keys alone, and the app reopens on
 * the screen last used. The kiosk → desk → board flow with a back office is assembled at the merge.
 */
test('a standalone desk serves a walk-in from the queue panel by keys, and the app reopens where the clerk left it', async ({
  page,
  hostUrl,
}, testInfo) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(hostUrl);
  await signIn(page);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2 })).toHaveText('Електронна черга');
  await expect(main).toContainText('не підключене до бек-офісу');
  await expect(main.getByRole('button', { name: /^Перерва/ })).toBeDisabled();

  await page.keyboard.press('w');
  const dialog = page.getByRole('dialog', { name: 'Відвідувач без талона' });
  await expect(dialog.getByLabel('Мета звернення')).toBeFocused();
  await dialog.getByLabel('Мета звернення').selectOption({ label: 'Консультація' });
  await dialog.getByLabel(/^Послуга/).selectOption('ID-01');
  await dialog.getByRole('button', { name: 'Почати обслуговування' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('queue-current-number')).toHaveText('Л001');
  await expect(main).toContainText('Обслуговується · Місцевий талон');
  await expect(main.getByRole('button', { name: /^Завершити/ })).toBeEnabled();
  const path = 'test-results/queue-panel-standalone-uk.png';
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('queue-panel-standalone-uk', { path, contentType: 'image/png' });

  // Keys are the panel's only while no field has the cursor.
  await page.keyboard.press('f');
  await expect(page.getByTestId('queue-current-number')).toHaveCount(0);
  await expect(main).toContainText('Біля вікна нікого немає.');

  // The served walk-in is this desk's now: still gone after a reload, and the app reopens on the queue.
  await page.reload();
  await expect(main.getByRole('heading', { level: 2 })).toHaveText('Електронна черга');
  await expect(main).toContainText('Біля вікна нікого немає.');

  await page.keyboard.press('Alt+5');
  await expect(main.getByRole('heading', { level: 2 })).toHaveText('Звернення');
  await page.reload();
  await expect(main.getByRole('heading', { level: 2 })).toHaveText('Звернення');
  expect(problems).toEqual([]);
});
