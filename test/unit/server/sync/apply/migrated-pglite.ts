/**
 * A fresh back-office database for a test file, fast: a copy of one PGlite data folder the server's
 * migrations were run on once. Creating a PGlite database runs initdb (over ten seconds on the busy
 * shared machine, against about a second to copy and open one), and the mutation runs open one per
 * test file for every mutant. The template is keyed by the migrations' source and PGlite's version, so
 * a changed migration makes a new one.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../../../../server/migrations/migrate';
import { openPGlite } from '../../../../../server/storage/pglite-storage';
import type { Storage } from '../../../../../server/storage/storage';

const ROOT = join(import.meta.dirname, '../../../../..');
const MIGRATIONS = join(ROOT, 'server/migrations');

function templateDir(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS).sort()) hash.update(file).update(readFileSync(join(MIGRATIONS, file)));
  hash.update(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  return join(tmpdir(), `vikno-pglite-migrated-${hash.digest('hex').slice(0, 16)}`);
}

/** Made once per machine; two test files making it at once each make their own and the first rename wins. */
async function template(): Promise<string> {
  const dir = templateDir();
  if (existsSync(dir)) return dir;
  const work = mkdtempSync(join(tmpdir(), 'vikno-pglite-template-'));
  const storage = await openPGlite(join(work, 'db'));
  await migrate(storage);
  await storage.close();
  try {
    renameSync(join(work, 'db'), dir);
  } catch (error) {
    if (!existsSync(dir)) throw error;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return dir;
}

/** A migrated database of its own, in a temporary folder that `remove` deletes after closing it. */
export async function openMigratedCopy(): Promise<{ storage: Storage; remove: () => Promise<void> }> {
  const from = await template();
  const dir = mkdtempSync(join(tmpdir(), 'vikno-pglite-copy-'));
  cpSync(from, join(dir, 'db'), { recursive: true });
  const storage = await openPGlite(join(dir, 'db'));
  return {
    storage,
    remove: async () => {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
