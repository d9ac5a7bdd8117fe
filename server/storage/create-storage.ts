import { mkdirSync } from 'node:fs';
import { ownerOnlyTree } from '../data-folder';
import { migrate } from '../migrations/migrate';
import { openPGlite } from './pglite-storage';
import { openPostgres } from './postgres-storage';
import type { Storage } from './storage';

export interface StorageOptions {
  /** PostgreSQL when given (DATABASE_URL), else PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** Opens the configured storage and brings its schema up to date. */
export async function createStorage(options: StorageOptions): Promise<Storage> {
  let storage: Storage;
  if (options.databaseUrl) {
    storage = await openPostgres(options.databaseUrl);
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    storage = await openPGlite(options.dataDir);
  }
  try {
    await migrate(storage);
  } catch (error) {
    await storage.close();
    throw error;
  }
  if (!options.databaseUrl) ownerOnlyTree(options.dataDir);
  return storage;
}
