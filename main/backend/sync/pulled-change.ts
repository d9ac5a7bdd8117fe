import type { Change } from '../../../shared/sync-protocol';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import type { Logger } from '../log/logger';

/** A pulled change carrying a record (not a tombstone). */
export type PulledRecord = Change & { data: Record<string, unknown> };

export interface PulledContext {
  /** When this page is applied: the desk's `updated_at` of what it writes. */
  at: string;
  logger: Logger;
}

/**
 * How one entity's pulled changes land on this desk; each domain folder has its own
 * (`<domain>/apply-pulled.ts`), listed in `sync/pulled-appliers.ts`. Remote changes are written
 * straight to the tables, never through commands, so they never re-enter the outbox. The
 * caller holds the savepoint: an applier that throws leaves none of its rows.
 */
export interface PulledApplier {
  /** Once per page holding this entity, before its changes: what every change of it relies on. */
  preparePage?(db: Db, ctx: PulledContext): void;
  /** Absent for an entity this desk does not keep yet (its tombstones may still apply). */
  apply?(db: Db, change: PulledRecord, ctx: PulledContext): void;
  /**
   * Optional: a run of this entity's records in one go, storing exactly what `apply` would one by
   * one (in order; an id may come twice). One statement instead of one per record is what keeps
   * an FTS5-indexed table fast to fill (see applicants/apply-pulled.ts). `apply` is still used
   * when a page is applied change by change to find the one that fails.
   */
  applyPage?(db: Db, changes: readonly PulledRecord[], ctx: PulledContext): void;
  /** A tombstone (`data: null`): the record is gone at the back office. */
  remove(db: Db, change: Change, ctx: PulledContext): void;
}

/** The usual tombstone: the row stays (other rows name it) and is marked deleted. */
export function markDeletedIn(table: string): PulledApplier['remove'] {
  return (db, change, ctx) => {
    statement(db, `UPDATE ${table} SET deleted_at = ?, server_version = ? WHERE id = ?`).run(ctx.at, change.version, change.id);
  };
}
