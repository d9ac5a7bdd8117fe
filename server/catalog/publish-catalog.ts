import { isDeepStrictEqual } from 'node:util';
import type { CatalogDocument } from '../../shared/catalog-document';
import { HttpError } from '../http/http-error';
import type { Storage, Sql } from '../storage/storage';
import { toInt } from '../storage/storage';
import { EntityStore } from '../sync/entity-store';
import type { EntityData, EntityName } from '../sync/entity-store';

export interface PublishResult {
  center: string | null;
  published: number;
  unchanged: number;
  withdrawn: number;
}

interface ServiceRow {
  id: string;
  center_code: string | null;
  version: unknown;
  data: EntityData;
}

// jsonb keeps no key order: compare by value.
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);

/**
 * Codes a desk would hold twice: a desk gets the base list and its center's additions, and a code
 * names one service there. A center's document may not reuse a base code, nor the base one a code
 * some center already offers.
 */
function clashingCodes(doc: CatalogDocument, others: readonly ServiceRow[]): string[] {
  const taken = new Map(others.filter((row) => row.data['active'] !== false).map((row) => [String(row.data['code']), row.id]));
  return doc.services.filter((s) => taken.has(s.code) && taken.get(s.code) !== s.id).map((s) => s.code);
}

/**
 * Publishes a center's catalog (or the base list, `center: null`) in one transaction
 * (docs/ARCHITECTURE.md §6.4): each listed service a new version when it changed, each of this
 * scope's services the document no longer lists withdrawn (`active: false`, kept for old cases),
 * and the subsistence-minimum table, which is national. Desks get it all by pull. A service id
 * another scope owns, or a code a desk would then hold twice, refuses the whole document.
 */
export async function publishCatalog(storage: Storage, doc: CatalogDocument): Promise<PublishResult> {
  return storage.transaction(async (tx: Sql) => {
    const rows = await tx.query<ServiceRow>('SELECT id, center_code, version, data FROM services FOR UPDATE');
    const scope = rows.filter((row) => row.center_code === doc.center);
    const foreign = new Set(rows.filter((row) => row.center_code !== doc.center).map((row) => row.id));
    const owned = doc.services.filter((s) => foreign.has(s.id)).map((s) => s.id);
    if (owned.length > 0) {
      throw new HttpError(
        409,
        'catalog_id_taken',
        `These service ids belong to another center's catalog or the base list: ${owned.join(', ')}`,
      );
    }
    const others = rows.filter((row) => (doc.center === null ? row.center_code !== null : row.center_code === null));
    const clashes = clashingCodes(doc, others);
    if (clashes.length > 0) {
      throw new HttpError(
        409,
        'catalog_code_taken',
        `These codes are already used by ${doc.center === null ? 'a center' : 'the base list'}: ${clashes.join(', ')}`,
      );
    }

    const store = new EntityStore(tx);
    const current = new Map(scope.map((row) => [row.id, row]));
    const write = (entity: EntityName, id: string, centerCode: string | null, version: number, data: EntityData) =>
      store.save(entity, { id, centerCode, version, data });
    const result: PublishResult = { center: doc.center, published: 0, unchanged: 0, withdrawn: 0 };
    for (const service of doc.services) {
      const { id, ...data } = service;
      const row = current.get(id);
      if (row && same(row.data, data)) {
        result.unchanged += 1;
        continue;
      }
      write('service', id, doc.center, toInt(row?.version ?? 0) + 1, data);
      result.published += 1;
    }
    const listed = new Set(doc.services.map((s) => s.id));
    for (const row of scope) {
      if (listed.has(row.id) || row.data['active'] === false) continue;
      write('service', row.id, doc.center, toInt(row.version) + 1, { ...row.data, active: false });
      result.withdrawn += 1;
    }
    for (const minimum of doc.subsistenceMinimum) {
      const id = String(minimum.year);
      const existing = await store.load('subsistence_minimum', id);
      if (existing && same(existing.data, minimum)) continue;
      write('subsistence_minimum', id, null, (existing?.version ?? 0) + 1, { ...minimum });
    }
    store.keepStaged();
    await store.flush();
    return result;
  });
}
