/** A migrated back-office storage per describe block, for the queue core's direct tests, and a center's queue configuration. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createStorage } from '../../../server/storage/create-storage';
import type { Storage, StorageKind } from '../../../server/storage/storage';
import { startPostgres } from '../../helpers/postgres';

export { sampleConfig } from '../../helpers/queue-sample';

export function useQueueStorage(kind: StorageKind): { storage: Storage } {
  const holder = {} as { storage: Storage };
  const dir = mkdtempSync(join(tmpdir(), 'vikno-queue-test-'));
  let stopPostgres: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (kind === 'postgresql') {
      const postgres = await startPostgres();
      stopPostgres = () => postgres.stop();
      databaseUrl = postgres.url;
    }
    holder.storage = await createStorage({ databaseUrl, dataDir: join(dir, 'pglite') });
  });
  afterAll(async () => {
    await holder.storage?.close();
    await stopPostgres?.();
    rmSync(dir, { recursive: true, force: true });
  });
  return holder;
}
