/**
 * A back office's records without the back office: PGlite with the server's migrations (a copy of a
 * migrated template, see migrated-pglite.ts), an
 * EntityStore per transaction as push uses it, and the context a policy is given. For the unit tests
 * of server/sync/apply (no HTTP, no server process: cheap enough to rerun for every mutant).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { ApplyContext, Outcome } from '../../../../../server/sync/apply/outcome';
import type { EntityData, EntityName } from '../../../../../server/sync/entity-store';
import { EntityStore } from '../../../../../server/sync/entity-store';
import type { SqlParam, Storage } from '../../../../../server/storage/storage';
import { toInt } from '../../../../../server/storage/storage';
import { openMigratedCopy } from './migrated-pglite';

export interface Records {
  /** Writes these versions of a record of `centerCode` (a gap in the numbers is a version the server no longer has). */
  history(entity: EntityName, id: string, versions: Record<number, EntityData>, centerCode?: string): Promise<void>;
  /** Runs a policy in one transaction, as push does, and keeps what it wrote. */
  apply(
    policy: (ctx: ApplyContext) => Promise<Outcome>,
    mutation: Pick<ApplyContext['mutation'], 'kind' | 'payload' | 'baseVersion'> &
      Partial<Pick<ApplyContext['mutation'], 'mutationId' | 'createdAt'>> & { aggregate: string },
    more?: Partial<Pick<ApplyContext, 'predecessorVersion' | 'ownVersions'>> & { centerCode?: string; deskCode?: string },
  ): Promise<Outcome>;
  /** The record as stored, and every version the server keeps of it. */
  stored(
    entity: 'applicant' | 'application' | 'calendar',
    id: string,
  ): Promise<{ version: number; data: EntityData; versions: number[] } | null>;
  /** The application's steps in application_status_history, oldest first. */
  statusSteps(applicationId: string): Promise<{ from: string | null; to: string; reason: string | null; mutationId: string }[]>;
  /** The database itself, for code that opens its own transactions (push, pull, prune). */
  readonly storage: Storage;
  /** Any statement on the database: the tables a policy reads besides records (files, queue). */
  sql<T>(text: string, params?: readonly SqlParam[]): Promise<T[]>;
}

const TABLES = { applicant: 'applicants', application: 'applications', calendar: 'calendars' } as const;

/**
 * The first file on a machine makes the template (PGlite's initdb and the migrations): 12–16 s on
 * a 2-core machine under a load of 14, past the unit project's 10 s hook limit; a copy then ~1.5 s.
 */
const OPEN_TIMEOUT_MS = 120_000;

/** One database per test file, opened before its tests. */
export function useRecords(): Records {
  let storage: Storage;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, remove } = await openMigratedCopy());
  }, OPEN_TIMEOUT_MS);
  afterAll(() => remove());
  return {
    get storage() {
      return storage;
    },
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
          device: { id: 'device-1', centerCode: more.centerCode ?? 'C1', deskCode: more.deskCode ?? '01' },
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
    statusSteps: (applicationId) =>
      storage.query(
        'SELECT from_status AS "from", to_status AS "to", reason, mutation_id AS "mutationId" FROM application_status_history WHERE application_id = $1 ORDER BY id',
        [applicationId],
      ),
    sql: (text, params = []) => storage.query(text, params),
  };
}
