import { mkdtemp, rm } from 'node:fs/promises';
import { freePort } from '../helpers/free-port';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServerProcess } from '../helpers/server-process';
import type { ServerProcess } from '../helpers/server-process';
import { expect, test } from './fixtures';
import { addBackOfficeClerk, enrollFromSettings, pointDeskAt, signInBackOfficeClerk, registerQuickly } from './page-helpers';

// The back office starts slowly on a loaded machine (it bundles itself first), and the desk's
// retry after a failure waits a random part of a growing delay (docs/SYNC.md).
test.setTimeout(180_000);

test('a desk that registered while the back office was down syncs by itself once it is back', async ({ page, host }) => {
  const root = resolve('.');
  const serverData = await mkdtemp(join(tmpdir(), 'vikno-e2e-server-'));
  const port = await freePort();
  let server: ServerProcess | undefined;
  try {
    // Enrolled as docs/IT.md says: a one-time code for the desk's codes, backOffice.url in
    // config.json and a restart of the app, the code entered in Settings → «Бек-офіс».
    server = await startServerProcess(root, serverData, undefined, ['--port', String(port)]);
    const code = await server.enrollmentCode('KV01', '07');
    await addBackOfficeClerk(serverData);
    await pointDeskAt(page, host, port);
    const syncState = await enrollFromSettings(page, code);
    await signInBackOfficeClerk(page);

    // The back office goes down; the desk goes on registering.
    await server.stop();
    server = undefined;
    const number = await registerQuickly(page);
    await expect(syncState).toHaveText('Бек-офіс: немає зв’язку — зміни збережено локально');
    await expect(page.getByRole('contentinfo')).toContainText(/Очікують надсилання: [1-9]/);
    await page.keyboard.press('Alt+5');
    const row = page.getByRole('button', { name: new RegExp(number) });
    await expect(row).toContainText('Збережено локально');

    // It comes back on the same address; nobody presses anything on the desk.
    server = await startServerProcess(root, serverData, undefined, ['--port', String(port)]);
    await expect(syncState).toHaveText('Бек-офіс: на зв’язку', { timeout: 120_000 });
    await expect(page.getByRole('contentinfo')).not.toContainText('Очікують надсилання');
    await expect(row).toContainText('Синхронізовано');
  } finally {
    await server?.stop();
    await rm(serverData, { recursive: true, force: true });
  }
});
