/** A migrated storage of each kind with the sample catalog published, for the queue's storage-level tests. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { publishCatalog } from '../../../server/catalog/publish-catalog';
import { createStorage } from '../../../server/storage/create-storage';
import type { Storage, StorageKind } from '../../../server/storage/storage';
import { CatalogDocument } from '../../../shared/catalog-document';
import { QueueConfig } from '../../../shared/domain/queue-config';
import type { QueueConfig as QueueConfigType } from '../../../shared/domain/queue-config';
import { startPostgres } from '../../helpers/postgres';

const readDoc = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../docs/${name}`, import.meta.url), 'utf8'));

/** docs/queue.sample.json, for center `centerCode`. */
export function sampleQueueConfig(centerCode = 'C01'): QueueConfigType {
  return QueueConfig.parse({ ...(readDoc('queue.sample.json') as object), centerCode });
}

/** `holder.storage` is set before the block's tests run and closed (its data removed) after them. */
export function useSampleStorage(kind: StorageKind): { storage: Storage } {
  const holder = {} as { storage: Storage };
  const dir = mkdtempSync(join(tmpdir(), 'vikno-queue-test-'));
  let stopPostgres: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (kind === 'postgresql') {
      const postgres = await startPostgres();
      stopPostgres = postgres.stop;
      databaseUrl = postgres.url;
    }
    holder.storage = await createStorage({ databaseUrl, dataDir: join(dir, 'pglite') });
    await publishCatalog(holder.storage, CatalogDocument.parse(readDoc('catalog.sample.json')));
  });
  afterAll(async () => {
    await holder.storage?.close();
    await stopPostgres?.();
    rmSync(dir, { recursive: true, force: true });
  });
  return holder;
}
