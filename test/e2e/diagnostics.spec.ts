import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { signIn } from './page-helpers';

test('an admin exports diagnostics from the settings and the browser saves the zip', async ({ page, hostUrl }) => {
  await page.goto(hostUrl);
  await signIn(page);
  await page.getByRole('banner').getByRole('button', { name: 'Налаштування' }).click();
  const section = page.getByRole('dialog', { name: 'Налаштування робочого місця' }).getByRole('region', { name: 'Діагностика' });
  const saved = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Експорт діагностики' }).click();
  const download = await saved;
  expect(download.suggestedFilename()).toMatch(/^vikno-diagnostics-DEMO-01-\d{8}-\d{6}\.zip$/);
  await expect(section.getByText(`Архів ${download.suggestedFilename()} готовий.`)).toBeVisible();

  const zip = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(Object.keys(zip)).toEqual(expect.arrayContaining(['versions.json', 'config.json', 'sync-status.json', 'last-backup.json']));
  expect(Object.keys(zip).some((name) => /^logs\/backend\.\d{4}-\d{2}-\d{2}\.\d+\.log$/.test(name))).toBe(true);
  expect(JSON.parse(strFromU8(zip['sync-status.json']!))).toMatchObject({ state: 'standalone' });
});
