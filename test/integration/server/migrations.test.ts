/** Server migrations carry the data of every earlier schema forward, on both storages. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/migrations/migrate';
import { openPGlite } from '../../../server/storage/pglite-storage';
import { openPostgres } from '../../../server/storage/postgres-storage';
import type { Storage, StorageKind } from '../../../server/storage/storage';
import { pull } from '../../../server/sync/pull';
import { startPostgres } from '../../helpers/postgres';
import { STORAGES } from './harness';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function openEmpty(kind: StorageKind): Promise<Storage> {
  if (kind === 'postgresql') {
    const postgres = await startPostgres();
    cleanups.push(() => postgres.stop());
    const storage = await openPostgres(postgres.url);
    cleanups.push(() => storage.close());
    return storage;
  }
  const dir = mkdtempSync(join(tmpdir(), 'vikno-server-migrate-'));
  const storage = await openPGlite(dir);
  cleanups.push(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return storage;
}

describe.each(STORAGES)('server migrations on %s', (kind) => {
  it('3 moves change data into the history it duplicated: pull still sends every version in order', async () => {
    const storage = await openEmpty(kind);
    await migrate(storage, 2);
    await storage.exec(`
      INSERT INTO applications (id, center_code, version, data) VALUES ('a-1', 'C1', 2, '{"status": "sent_to_provider"}');
      INSERT INTO entity_versions (entity, id, version, data) VALUES
        ('application', 'a-1', 1, '{"status": "registered"}'), ('application', 'a-1', 2, '{"status": "sent_to_provider"}');
      INSERT INTO changes (center_code, entity, id, version, data) VALUES
        ('C1', 'application', 'a-1', 1, '{"status": "registered"}'), ('C1', 'application', 'a-1', 2, '{"status": "sent_to_provider"}');
    `);
    await migrate(storage);
    const page = await pull(storage, 'C1', 0, 10);
    expect(page.changes.map((c) => [c.id, c.version, c.data])).toEqual([
      ['a-1', 1, { status: 'registered' }],
      ['a-1', 2, { status: 'sent_to_provider' }],
    ]);
  });
});
