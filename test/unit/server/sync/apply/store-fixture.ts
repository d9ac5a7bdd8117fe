/**
 * A back office's records without the back office: PGlite in memory with the server's migrations, an
 * EntityStore per transaction as push uses it, and the context a policy is given. For the unit tests
 * of server/sync/apply (no HTTP, no server process: cheap enough to rerun for every mutant).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { ApplyContext, Outcome } from '../../../../../server/sync/apply/outcome';
import type { EntityData, EntityName } from '../../../../../server/sync/entity-store';
import { EntityStore } from '../../../../../server/sync/entity-store';
import { migrate } from '../../../../../server/migrations/migrate';
import { openPGlite } from '../../../../../server/storage/pglite-storage';
import type { Storage } from '../../../../../server/storage/storage';
import { toInt } from '../../../../../server/storage/storage';

export interface Records {
  /** Writes these versions of a record of `centerCode` (a gap in the numbers is a version the server no longer has). */
  history(entity: EntityName, id: string, versions: Record<number, EntityData>, centerCode?: string): Promise<void>;
  /** Runs a policy in one transaction, as push does, and keeps what it wrote. */
  apply(
    policy: (ctx: ApplyContext) => Promise<Outcome>,
    mutation: Pick<ApplyContext['mutation'], 'kind' | 'payload' | 'baseVersion'> & { aggregate: string },
    more?: Partial<Pick<ApplyContext, 'predecessorVersion' | 'ownVersions'>> & { centerCode?: string },
  ): Promise<Outcome>;
  /** The record as stored, and every version the server keeps of it. */
  stored(
    entity: 'applicant' | 'application' | 'calendar',
    id: string,
  ): Promise<{ version: number; data: EntityData; versions: number[] } | null>;
}

const TABLES = { applicant: 'applicants', application: 'applications', calendar: 'calendars' } as const;

/**
 * PGlite's start (a WebAssembly PostgreSQL) and the server's migrations take about a second on an idle
 * machine, and took over the unit project's 10 s hook limit on a 2-core machine under a load of 14.
 */
const OPEN_TIMEOUT_MS = 120_000;

/** One database per test file, opened before its tests. */
export function useRecords(): Records {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openPGlite('memory://');
    await migrate(storage);
  }, OPEN_TIMEOUT_MS);
  afterAll(() => storage.close());
  return {
    history: (entity, id, versions, centerCode = 'C1') =>
      storage.transaction(async (tx) => {
        const store = new EntityStore(tx);
        for (const [version, data] of Object.entries(versions)) store.save(entity, { id, centerCode, version: Number(version), data });
        store.keepStaged();
        await store.flush();
      }),
    apply: (policy, mutation, more = {}) =>
      storage.transaction(async (tx) => {
        const store = new EntityStore(tx);
        const outcome = await policy({
          store,
          tx,
          device: { id: 'device-1', centerCode: more.centerCode ?? 'C1', deskCode: '01' },
          mutation: {
            mutationId: randomUUID(),
            prevMutationId: null,
            actor: 'clerk-1',
            createdAt: '2026-11-02T09:00:00.000Z',
            ...mutation,
          },
          clerk: { id: 'clerk-1', fullName: 'Олена Коваль' },
          id: mutation.aggregate.slice(mutation.aggregate.indexOf(':') + 1),
          predecessorVersion: more.predecessorVersion ?? null,
          ownVersions: more.ownVersions ?? (() => Promise.resolve([])),
        });
        store.keepStaged();
        await store.flush();
        return outcome;
      }),
    stored: async (entity, id) => {
      const [row] = await storage.query<{ version: unknown; data: EntityData }>(
        `SELECT version, data FROM ${TABLES[entity]} WHERE id = $1`,
        [id],
      );
      const versions = await storage.query<{ version: unknown }>(
        'SELECT version FROM entity_versions WHERE entity = $1 AND id = $2 ORDER BY version',
        [entity, id],
      );
      return row ? { version: toInt(row.version), data: row.data, versions: versions.map((v) => toInt(v.version)) } : null;
    },
  };
}
