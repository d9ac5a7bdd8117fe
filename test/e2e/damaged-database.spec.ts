/**
 * A database damaged outside the tables the start checks (docs/ARCHITECTURE.md §5.1): the built
 * host starts at once, and the page shows the damage found by the background check before
 * anyone signs in (signing in writes, and is refused).
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { garblePages } from '../helpers/damage';
import { expect, test } from './fixtures';

/** The last leaf page of the audit log: written at the first start, and not a start-checked table. */
function auditPage(file: string): number {
  const probe = new Database(file, { readonly: true });
  try {
    const page = probe.prepare("SELECT max(pageno) FROM dbstat WHERE name = 'audit_events'").pluck().get();
    if (typeof page !== 'number') throw new Error('The audit log has no page yet');
    return page;
  } finally {
    probe.close();
  }
}

test('a database damaged outside the start-checked tables: the desk opens, the banner says nothing can be saved and names the backup', async ({
  page,
  host,
}) => {
  // The first start backs the new desk up once its whole-file check passed. A backup is written
  // under a `.partial-…` name and renamed when whole: only a whole one is named to the clerk.
  const backups = join(host.dataDir, 'backups');
  const whole = () => (existsSync(backups) ? readdirSync(backups) : []).filter((name) => /^vikno-\d{8}-\d{6}\.db$/.test(name));
  await expect.poll(whole, { timeout: 20_000 }).toHaveLength(1);
  const [backup] = whole();
  await host.stop();
  const file = join(host.dataDir, 'vikno.db');
  garblePages(file, auditPage(file), auditPage(file));

  await page.goto(await host.restart());
  const alert = page.getByRole('alert').filter({ hasText: 'Базу даних пошкоджено' });
  await expect(alert).toContainText('Базу даних пошкоджено: зберегти нічого не можна');
  await expect(alert).toContainText(`Попросіть ІТ-фахівця відновити найновішу справну резервну копію: ${join(backups, backup!)}`);
});
