import type { Change } from '../../../shared/sync-protocol';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import type { Logger } from '../log/logger';
import { PULLED_APPLIERS } from './pulled-appliers';
import type { PulledApplier, PulledContext, PulledRecord } from './pulled-change';

/**
 * Records with local changes still on their way to the back office: they stay as they are here
 * (ours go on top). Read once per page, not once per change. A change the back office refused
 * (conflict, dead, rejected) will never come back merged, so such a record takes the server's
 * state; the refused change stays listed for the supervisor.
 */
function aggregatesWithPendingChanges(db: Db): Set<string> {
  return new Set(
    statement(db, "SELECT DISTINCT aggregate FROM outbox WHERE status <> 'acked' AND status IN ('pending', 'inflight', 'blocked_on_blob')")
      .pluck()
      .all() as string[],
  );
}

function applyChange(db: Db, change: Change, applier: PulledApplier | undefined, ctx: PulledContext): void {
  if (change.data === null) applier?.remove(db, change, ctx);
  else if (applier?.apply) applier.apply(db, { ...change, data: change.data }, ctx);
  else ctx.logger.log('info', 'Pulled a change of a kind this desk does not keep yet', { entity: change.entity, id: change.id });
}

const isRecord = (change: Change): change is PulledRecord => change.data !== null;

/**
 * The page in order, as runs of consecutive records of one entity whose applier takes a run at
 * once (applyPage); every other change alone. Runs, not one group per entity, so a record is
 * still written after what it refers to (an application after its applicant).
 */
function applyInRuns(db: Db, changes: readonly Change[], appliers: Readonly<Record<string, PulledApplier>>, ctx: PulledContext): void {
  for (let start = 0; start < changes.length;) {
    const first = changes[start]!;
    const applyPage = appliers[first.entity]?.applyPage;
    let end = start + 1;
    if (applyPage && isRecord(first)) {
      while (end < changes.length && changes[end]!.entity === first.entity && isRecord(changes[end]!)) end += 1;
      applyPage(db, changes.slice(start, end) as PulledRecord[], ctx);
    } else applyChange(db, first, appliers[first.entity], ctx);
    start = end;
  }
}

/**
 * Applies one pulled page (the caller holds the transaction and stores the cursor with it),
 * each change by its entity's applier (sync/pulled-appliers.ts). A record with unacknowledged
 * local changes is left alone: the back office merges ours with theirs and sends the result
 * as a later change.
 *
 * The page goes in whole inside one savepoint, runs of one entity in one statement where its
 * applier can (applyInRuns); only if a change fails is it rolled back and
 * applied again change by change, each in its own savepoint, so one record this desk cannot
 * hold (a service it does not know, say) is skipped and the rest land. (A savepoint per change
 * on every page cost a third of the apply time.)
 */
export function createChangeApplier(logger: Logger, appliers: Readonly<Record<string, PulledApplier>> = PULLED_APPLIERS) {
  return (db: Db, changes: readonly Change[]): void => {
    const ctx: PulledContext = { at: new Date().toISOString(), logger };
    for (const entity of new Set(changes.map((c) => c.entity))) appliers[entity]?.preparePage?.(db, ctx);
    const pending = aggregatesWithPendingChanges(db);
    const ours = (change: Change) => pending.has(`${change.entity}:${change.id}`);
    try {
      db.transaction(() =>
        applyInRuns(
          db,
          changes.filter((change) => !ours(change)),
          appliers,
          ctx,
        ),
      )();
      return;
    } catch {
      // Found below, change by change.
    }
    for (const change of changes) {
      if (ours(change)) continue;
      try {
        db.transaction(() => applyChange(db, change, appliers[change.entity], ctx))();
      } catch (error) {
        logger.log('warn', 'Pulled change could not be applied; skipped', {
          entity: change.entity,
          id: change.id,
          error: (error as Error).message,
        });
      }
    }
  };
}
