import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { openConnected } from './page-helpers';

// A real center's full name; at 1366 px it cannot fit on one line beside the clerk and language controls.
const LONG_NAME =
  'Центр надання адміністративних послуг виконавчого комітету Криворізької міської ради Дніпропетровської області (Інгулецький район)';

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator.toString()} has no box`);
  return found;
}

async function shot(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  const path = `test-results/${name}.png`;
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('at 1366×768 a long center name is readable in the header: wrapped, not cut, and named in full', async ({ page, host }, testInfo) => {
  writeFileSync(join(host.dataDir, 'config.json'), JSON.stringify({ center: { code: 'KR0001', name: LONG_NAME } }));
  // openConnected opens at its own desk size; the size under test is set after it.
  await openConnected(page, await host.restart());
  await page.setViewportSize({ width: 1366, height: 768 });

  const name = page.getByRole('banner').locator('.center-name');
  await expect(name).toHaveText(LONG_NAME);
  await expect(name).toHaveAttribute('title', LONG_NAME);
  // Nothing is clipped: the box holds all of its text…
  const clipped = await name.evaluate((el) => ({ x: el.scrollWidth - el.clientWidth, y: el.scrollHeight - el.clientHeight }));
  expect(clipped.x).toBeLessThanOrEqual(0);
  expect(clipped.y).toBeLessThanOrEqual(1);
  // …on more than one line, and it overlaps none of its neighbours.
  const nameBox = await box(name);
  const windowBox = await box(page.getByRole('banner').locator('.window-number'));
  const clerkBox = await box(page.getByRole('banner').locator('.clerk'));
  expect(nameBox.height).toBeGreaterThan(windowBox.height * 1.5);
  expect(nameBox.x + nameBox.width).toBeLessThanOrEqual(windowBox.x);
  expect(windowBox.x + windowBox.width).toBeLessThanOrEqual(clerkBox.x);
  await shot(page, 'header-long-name-1366', testInfo);

  // The longest name the config allows cannot all show: the tooltip and the accessible text still carry it whole.
  const longest = `${LONG_NAME} ${'м'.repeat(200)}`.slice(0, 200);
  writeFileSync(join(host.dataDir, 'config.json'), JSON.stringify({ center: { code: 'KR0001', name: longest } }));
  await openConnected(page, await host.restart());
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(name).toHaveAttribute('title', longest);
  await expect(page.getByRole('banner')).toContainText(longest);
  expect((await box(page.getByRole('banner'))).height).toBeLessThan(100);
});

test('at 1366×768 with the outage banner and a back office configured, the status bar stays on one line', async ({
  page,
  host,
}, testInfo) => {
  // A back office nobody answers at: the status bar carries its longest realistic texts.
  writeFileSync(join(host.dataDir, 'config.json'), JSON.stringify({ backOffice: { url: 'http://127.0.0.1:9/' } }));
  await openConnected(page, await host.restart());
  await page.setViewportSize({ width: 1366, height: 768 });
  const statusBar = page.getByRole('contentinfo');
  await expect(statusBar.getByRole('button', { name: /^Бек-офіс: / })).toBeVisible();

  await host.stop();
  await expect(page.getByRole('alert')).toContainText('Зв’язок із сервісом втрачено — відновлюємо…');
  await expect(statusBar.getByRole('status')).toContainText(': відновлення зв’язку…');

  const items = statusBar.getByRole('listitem');
  const first = await box(items.first());
  const version = await box(statusBar.getByText(/^Версія /));
  expect(version.y).toBeLessThan(first.y + first.height / 2);
  for (const item of await items.all()) expect((await box(item)).y).toBeLessThan(first.y + first.height / 2);
  expect(version.x + version.width).toBeLessThanOrEqual(1366);
  await shot(page, 'status-bar-outage-1366', testInfo);
});
