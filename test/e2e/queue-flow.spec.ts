import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { freePort } from '../helpers/free-port';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { configureQueueThrough, publishCatalogThrough } from '../../server/admin/admin-client';
import { liveInstance } from '../../server/admin/instance-file';
import type { Instance } from '../../server/admin/instance-file';
import { CatalogDocument } from '../../shared/catalog-document';
import { QueueStatistics } from '../../shared/queue-protocol';
import { startServerProcess } from '../helpers/server-process';
import type { ServerProcess } from '../helpers/server-process';
import { expect, test } from './fixtures';
import { addBackOfficeClerk, enrollFromSettings, openConnected, signInBackOfficeClerk } from './page-helpers';

/**
 * The whole queue through real processes: the back office as `npm run server` runs it, configured
 * the way docs/IT.md says (the sample catalog and queue through its admin routes), the kiosk and
 * board pages it serves, and a desk in the browser host enrolled from Settings. A ticket taken on
 * the kiosk reaches the desk's panel live, is called, shows on the board, is served and finished,
 * and the statistics count its waiting time; then the back office goes away, the desk serves a
 * walk-in on a local ticket, and once the back office is back the walk-in reaches the statistics.
 */

async function statistics(url: string, instance: Instance, from: Date): Promise<QueueStatistics> {
  const query = new URLSearchParams({ center: 'C01', from: from.toISOString(), to: new Date(Date.now() + 60_000).toISOString() });
  const res = await fetch(`${url}/admin/queue/statistics?${query}`, {
    headers: { authorization: `Bearer ${instance.adminToken}` },
  });
  expect(res.status).toBe(200);
  return QueueStatistics.parse(await res.json());
}

async function takeKioskTicket(kiosk: Page): Promise<string> {
  await kiosk.getByRole('button', { name: 'Паспортні документи' }).click();
  await kiosk.getByRole('button', { name: 'Оформлення паспорта громадянина України у формі ID-картки' }).click();
  await kiosk.getByRole('button', { name: 'Подати документи' }).click();
  await kiosk.getByRole('button', { name: 'Ні, звичайна черга' }).click();
  await expect(kiosk.getByRole('article', { name: 'Ваш номер' })).toBeVisible();
  return (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
}

// The back office bundles itself before it starts (twice here), and the desk's retry after a failure waits.
test.setTimeout(240_000);

test('a kiosk ticket is called at a desk, shown on the board, served and counted; offline, a walk-in is served and counted once the back office is back', async ({
  page,
  host,
  browser,
}) => {
  const root = resolve('.');
  const serverData = await mkdtemp(join(tmpdir(), 'vikno-e2e-queue-'));
  const port = await freePort();
  let server: ServerProcess | undefined;
  const extraPages: Page[] = [];
  try {
    server = await startServerProcess(root, serverData, undefined, ['--port', String(port)]);
    const instance = liveInstance(serverData)!;
    const doc = async (name: string): Promise<unknown> => JSON.parse(await readFile(join(root, 'docs', name), 'utf8'));
    await publishCatalogThrough(instance, CatalogDocument.parse(await doc('catalog.sample.json')));
    await configureQueueThrough(instance, await doc('queue.sample.json'));
    const code = await server.enrollmentCode('C01', 'D1');
    await addBackOfficeClerk(serverData, 'C01');
    await writeFile(
      join(host.dataDir, 'config.json'),
      JSON.stringify({ center: { code: 'C01', name: 'ЦНАП' }, desk: { code: 'D1', window: '1' }, backOffice: { url: server.url } }),
    );
    await openConnected(page, await host.restart());
    const syncState = await enrollFromSettings(page, code);
    await signInBackOfficeClerk(page);
    await page.keyboard.press('Alt+1');
    const main = page.getByRole('main');
    await expect(main).toContainText('Біля вікна нікого немає');

    const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    extraPages.push(board);
    await board.goto(`${server.url}/board/C01`);
    await expect(board.getByRole('heading', { name: /Електронна черга/ })).toBeVisible();
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    extraPages.push(kiosk);
    await kiosk.addInitScript(() => {
      window.print = () => undefined;
    });
    await kiosk.goto(`${server.url}/kiosk/C01`);

    const since = new Date(Date.now() - 1000);
    const beforeIssue = Date.now();
    const number = await takeKioskTicket(kiosk);
    const afterIssue = Date.now();
    expect(number).toMatch(/^А\d{3}$/);
    await kiosk.screenshot({ path: 'test-results/queue-flow-kiosk.png' });

    // The desk's panel hears of it from the back office: no reload, no polling.
    await expect(main).toContainText(number);
    // A key is the panel's only once the previous action is answered (its buttons wait meanwhile):
    // the panel's text can change first, from the backend's push of the same change.
    const pressWhenReady = async (key: string, button: RegExp): Promise<void> => {
      await expect(main.getByRole('button', { name: button })).toBeEnabled();
      await page.keyboard.press(key);
    };
    const beforeCall = Date.now();
    await pressWhenReady('n', /^Викликати наступного/);
    await expect(page.getByTestId('queue-current-number')).toHaveText(number);
    const afterCall = Date.now();
    await page.screenshot({ path: 'test-results/queue-flow-desk.png', fullPage: true });
    const newest = board.getByTestId('newest-call');
    await expect(newest).toContainText(number);
    await expect(newest).toContainText('Вікно 1');
    await board.screenshot({ path: 'test-results/queue-flow-board.png' });

    await pressWhenReady('a', /^Відвідувач підійшов/);
    await expect(main).toContainText('Обслуговується');
    await pressWhenReady('f', /^Завершити/);
    await expect(page.getByTestId('queue-current-number')).toHaveCount(0);

    // Waiting is issue → the last call: it lies between what the test saw on either side of each.
    const served = await statistics(server.url, instance, since);
    expect(served.total).toMatchObject({ tickets: 1, served: 1, noShows: 0 });
    const waited = served.total.waiting.avgSeconds!;
    expect(waited).toBeGreaterThanOrEqual((beforeCall - afterIssue) / 1000 - 0.001);
    expect(waited).toBeLessThanOrEqual((afterCall - beforeIssue) / 1000 + 0.001);
    expect(served.byDesk).toEqual([expect.objectContaining({ key: 'D1', served: 1 })]);

    // The back office goes away: the panel says so, and a walk-in is served on a local ticket.
    await Promise.all(extraPages.splice(0).map((p) => p.close()));
    await server.stop();
    server = undefined;
    await expect(main).toContainText('Бек-офіс недоступний', { timeout: 60_000 });
    await pressWhenReady('w', /^Без талона/);
    const dialog = page.getByRole('dialog', { name: 'Відвідувач без талона' });
    await dialog.getByLabel('Мета звернення').selectOption({ label: 'Консультація' });
    await dialog.getByLabel(/^Послуга/).selectOption('ID-01');
    await dialog.getByRole('button', { name: 'Почати обслуговування' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('queue-current-number')).toHaveText('Л001');
    await pressWhenReady('f', /^Завершити/);
    await expect(page.getByTestId('queue-current-number')).toHaveCount(0);

    // It comes back on the same address; the walk-in syncs by itself and is counted.
    server = await startServerProcess(root, serverData, undefined, ['--port', String(port)]);
    await expect(syncState).toHaveText('Бек-офіс: на зв’язку', { timeout: 120_000 });
    await expect(page.getByRole('contentinfo')).not.toContainText('Очікують надсилання', { timeout: 60_000 });
    const back = liveInstance(serverData)!;
    const counted = await statistics(server.url, back, since);
    expect(counted.total).toMatchObject({ tickets: 2, served: 2 });
    expect(counted.byPurpose).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'consultation', served: 1 }),
        expect.objectContaining({ key: 'submit', served: 1 }),
      ]),
    );
  } finally {
    await Promise.all(extraPages.map((p) => p.close()));
    await server?.stop();
    await rm(serverData, { recursive: true, force: true });
  }
});
