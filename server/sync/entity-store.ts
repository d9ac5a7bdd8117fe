import type { Sql } from '../storage/storage';
import { toInt } from '../storage/storage';

/** Entity name (as desks see it in pulled changes) → its table. A closed list: table names are never user input. */
const TABLES = { applicant: 'applicants', application: 'applications', ticket: 'tickets', service: 'services', clerk: 'clerks' } as const;
export type EntityName = keyof typeof TABLES;

export type EntityData = Record<string, unknown>;

export interface EntityRow {
  id: string;
  /** Null for server-owned data every center pulls. */
  centerCode: string | null;
  version: number;
  data: EntityData;
}

interface Row {
  id: string;
  center_code: string | null;
  version: unknown;
  data: EntityData;
}

/**
 * Any constant, shared by every writer of `changes`. BIGSERIAL numbers are taken before
 * commit, so two transactions could commit seq 8 after a pull already returned seq 9 and
 * the puller would skip 8 for ever. Holding this lock from taking a seq until commit makes
 * writers take seqs in commit order; it is taken last in a transaction, just before the insert.
 */
const CHANGE_SEQUENCE_LOCK = 7_361_002;

/** The current row, locked until the transaction ends so concurrent writers of one record queue up. */
export async function loadForUpdate(tx: Sql, entity: EntityName, id: string): Promise<EntityRow | null> {
  const [row] = await tx.query<Row>(`SELECT id, center_code, version, data FROM ${TABLES[entity]} WHERE id = $1 FOR UPDATE`, [id]);
  return row ? { id: row.id, centerCode: row.center_code, version: toInt(row.version), data: row.data } : null;
}

/** A past version's data: the base of a three-way merge. */
export async function loadVersion(tx: Sql, entity: EntityName, id: string, version: number): Promise<EntityData | null> {
  const [row] = await tx.query<{ data: EntityData }>('SELECT data FROM entity_versions WHERE entity = $1 AND id = $2 AND version = $3', [entity, id, version]);
  return row?.data ?? null;
}

/** Writes a new version of a record, its history row and its change for pull, in the caller's transaction. */
export async function saveEntity(tx: Sql, entity: EntityName, row: EntityRow): Promise<void> {
  const data = JSON.stringify(row.data);
  await tx.query(
    `INSERT INTO ${TABLES[entity]} (id, center_code, version, data) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data, updated_at = now()`,
    [row.id, row.centerCode, row.version, data],
  );
  // Its primary key also catches two desks creating one new record at once: the loser's
  // upsert waits for the winner, then this insert fails with a unique violation and push
  // retries it (storage/retryable.ts), now answering `already_exists`.
  await tx.query('INSERT INTO entity_versions (entity, id, version, data) VALUES ($1, $2, $3, $4::jsonb)', [entity, row.id, row.version, data]);
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_SEQUENCE_LOCK]);
  await tx.query('INSERT INTO changes (center_code, entity, id, version, data) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    row.centerCode,
    entity,
    row.id,
    row.version,
    data,
  ]);
}
