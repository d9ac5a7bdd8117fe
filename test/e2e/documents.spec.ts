import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { freePort } from '../helpers/free-port';
import { pdfFile } from '../helpers/sample-files';
import { startServerProcess } from '../helpers/server-process';
import type { ServerProcess } from '../helpers/server-process';
import { expect, test } from './fixtures';
import { addBackOfficeClerk, enrollFromSettings, OUT, pointDeskAt, signInBackOfficeClerk, screenshotWhole } from './page-helpers';

// The back office bundles itself before it listens, and sync waits for the PDF's upload.
test.setTimeout(240_000);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file the back office holds (content-addressed under `<data>/blobs`), by the hash of its bytes. */
async function serverBlobHashes(serverData: string): Promise<string[]> {
  const dir = join(serverData, 'blobs');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name) && !e.parentPath.includes('partial'));
  return Promise.all(files.map(async (e) => sha256(await readFile(join(e.parentPath, e.name)))));
}

/**
 * The hash of the PDF a "Відкрити" button gives: it opens in a new tab (a blob URL); where the
 * browser allows no tab it is saved instead, and the saved bytes are hashed.
 */
async function openedPdfHash(page: Page, button: ReturnType<Page['getByRole']>): Promise<string> {
  const popup = page.waitForEvent('popup');
  await button.click();
  const tab = await popup;
  expect(tab.url()).toMatch(/^blob:/);
  await tab.close();
  await page.evaluate(() => {
    window.open = () => null;
  });
  const downloaded = page.waitForEvent('download');
  await button.click();
  const saved = await (await downloaded).path();
  return sha256(await readFile(saved));
}

/** One page from the SANE test device on the flatbed at `dpi`. */
async function scanOnePage(dialog: ReturnType<Page['getByRole']>, dpi: string, pagesAfter: number): Promise<void> {
  await dialog.getByLabel('Роздільність, dpi').selectOption(dpi);
  await dialog.getByRole('button', { name: 'Сканувати', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Сканування завершено. Скановано сторінок: 1.' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(dialog.getByRole('list', { name: /^Сторінки: / }).getByRole('listitem')).toHaveCount(pagesAfter);
}

test('pages scanned from the intake checklist, reordered and attached, reach the receipt and the back office as one PDF; a Дія copy is imported on the Documents screen', async ({
  page,
  host,
}, testInfo) => {
  const root = resolve('.');
  const serverData = await mkdtemp(join(tmpdir(), 'vikno-e2e-server-'));
  const port = await freePort();
  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess(root, serverData, undefined, ['--port', String(port)]);
    const code = await server.enrollmentCode('KV01', '07');
    await addBackOfficeClerk(serverData);
    await pointDeskAt(page, host, port, { documents: { scanner: { adapter: 'sane', device: 'test' } } });
    const syncState = await enrollFromSettings(page, code);
    await signInBackOfficeClerk(page);

    // Intake: applicant, service, every required line handed in.
    await page.keyboard.press('Alt+2');
    await page.getByRole('combobox', { name: 'Пошук заявника' }).fill('Шевченко Тарас');
    await page.getByRole('button', { name: 'Новий заявник' }).click();
    await page.getByLabel('РНОКПП', { exact: true }).fill('1759013776');
    await page.getByRole('combobox', { name: 'Послуга' }).fill('MS-01');
    await page.getByRole('listbox', { name: 'Послуга' }).getByRole('option').first().click();
    const checklist = page.getByRole('table', { name: 'Подані документи' });
    for (const line of await checklist.getByRole('checkbox').all()) await line.check();
    // The first line's name as the checklist shows it (its label without the "required" mark).
    const lineName = await checklist
      .getByRole('checkbox')
      .first()
      .evaluate((box) => box.closest('label')?.querySelector('span')?.firstChild?.textContent?.trim() ?? '');
    expect(lineName).not.toBe('');

    // Two flatbed scans, one turned, the second put first from the keyboard, attached to the line.
    await checklist.getByRole('button', { name: `Сканувати: ${lineName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Скан документа: ${lineName}` });
    await dialog.getByLabel('Джерело').selectOption('flatbed');
    await scanOnePage(dialog, '150', 1);
    await scanOnePage(dialog, '300', 2);
    // The test device's pages look alike: told apart by the page each thumbnail button stands for.
    const order = () => dialog.locator('[data-page-id]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-page-id')));
    const [first, second] = await order();
    await dialog.getByRole('button', { name: /^Сторінка 2 з 2/ }).click();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(order).toEqual([second, first]);
    await expect(dialog.getByRole('button', { name: /^Сторінка 1 з 2/ })).toBeFocused();
    await expect(dialog.getByRole('img', { name: 'Сторінка 1' })).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
    await screenshotWhole(page, 'documents-intake-scan', testInfo);
    await dialog.getByRole('button', { name: `Прикріпити: ${lineName}` }).click();
    await expect(dialog).toBeHidden();
    await expect(checklist).toContainText('2 арк., скан');
    await expect(checklist.getByLabel(`Аркушів: ${lineName}`)).toHaveValue('2');

    await page.getByRole('button', { name: 'Зареєструвати' }).click();
    await expect(page.getByText('Звернення зареєстровано')).toBeVisible();
    const number = ((await page.locator('.reg-number').textContent()) ?? '').trim();

    // The receipt lists the line with the scan's sheet count.
    mkdirSync(OUT, { recursive: true });
    const downloaded = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Зберегти', exact: true }).click();
    const receipt = `${OUT}/documents-receipt-uk.pdf`;
    await (await downloaded).saveAs(receipt);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', receipt, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(new RegExp(`1\\. ${lineName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (оригінал|копія) подано 2`));

    // Synced: the back office holds the very PDF the desk attached.
    await expect(page.getByRole('contentinfo')).not.toContainText('Очікують надсилання', { timeout: 120_000 });
    await expect(syncState).toHaveText('Бек-офіс: на зв’язку');
    await page.keyboard.press('Alt+3');
    await page.getByLabel('Реєстраційний номер').fill(number);
    await page.getByRole('button', { name: 'Знайти' }).click();
    const lines = page.getByRole('table', { name: 'Рядки опису' });
    const row = lines.getByRole('row').filter({ hasText: 'Опис №1, рядок 1' });
    await expect(row).toContainText('2 стор.');
    await expect(row).toContainText('сканер · у бек-офісі');
    const deskHash = await openedPdfHash(page, row.getByRole('button', { name: `Відкрити: ${lineName}` }));
    expect(await serverBlobHashes(serverData)).toContain(deskHash);

    // A Дія copy imported for the second line on the Documents screen.
    const secondRow = lines.getByRole('row').filter({ hasText: 'Опис №1, рядок 2' });
    await secondRow.getByRole('button', { name: /^Сканувати \/ Додати файл: / }).click();
    const lineDialog = page.getByRole('dialog', { name: /^Скан до рядка: / });
    await lineDialog.getByLabel('Копія з Дія').check();
    const diiaPdf = join(host.dataDir, 'diia-copy.pdf');
    await writeFile(diiaPdf, await pdfFile(1));
    await lineDialog.getByLabel('Додати файл').setInputFiles(diiaPdf);
    await expect(lineDialog.getByRole('button', { name: /^Сторінка 1 з 1, копія з Дія/ })).toBeVisible();
    await lineDialog.getByRole('button', { name: /^Прикріпити: / }).click();
    await expect(lineDialog).toBeHidden();
    await expect(secondRow).toContainText('1 стор.');
    await expect(secondRow).toContainText('копія з Дія');
    await screenshotWhole(page, 'documents-screen', testInfo);
  } finally {
    await server?.stop();
    await rm(serverData, { recursive: true, force: true });
  }
});
