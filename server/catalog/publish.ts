import type { EntityData } from '../sync/entity-store';
import { EntityStore } from '../sync/entity-store';
import type { Storage } from '../storage/storage';

/**
 * Server-owned records: the server decides them, every desk of every center pulls them. (Clerk
 * accounts are their center's: server/clerks/accounts.ts publishes them.)
 */
export type ServerOwned = 'service';

/**
 * Writes a new version of a catalog service; desks get it by pull and the
 * server's version wins over whatever they hold. (The admin side that calls this comes with
 * the admin pages; tests call it directly.) Returns the new version.
 */
export async function publishServerOwned(storage: Storage, entity: ServerOwned, id: string, data: EntityData): Promise<number> {
  return storage.transaction(async (tx) => {
    const store = new EntityStore(tx);
    const current = await store.load(entity, id);
    const version = (current?.version ?? 0) + 1;
    store.save(entity, { id, centerCode: null, version, data: { ...data, id } });
    store.keepStaged();
    await store.flush();
    return version;
  });
}
