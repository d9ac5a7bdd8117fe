import type { CaseSnapshot } from '../../../shared/domain/case-snapshot';
import type { CommandEnv } from '../commands/unit-of-work';
import type { Db } from '../db/open';
import type { DeskConfig } from '../config/desk-config';
import { statement } from '../db/statements';
import { getService } from '../catalog/queries';
import { liveSnapshot } from './live-snapshot';

/**
 * Freezes what the receipt prints into a just-inserted application (inside its registering
 * transaction): the rows as they are at this moment are what was entered, plus the desk's
 * center name and time zone.
 */
export function freezeSnapshot(env: CommandEnv, id: string): CaseSnapshot {
  const built = liveSnapshot(env.db, id);
  if (!built) throw new Error(`Application ${id} is not there to snapshot`);
  // The provider's ЄДРПОУ is on the catalog's card (no earlier receipt printed it, so the backfill has none).
  const edrpou = getService(env.db, built.snapshot.service.id)?.provider.edrpou ?? null;
  const snapshot: CaseSnapshot = {
    ...built.snapshot,
    provider: { ...built.snapshot.provider, edrpou },
    timeZone: env.desk.timeZone,
    center: { code: built.snapshot.center.code, name: env.desk.center.name },
  };
  statement(env.db, 'UPDATE applications SET snapshot = ? WHERE id = ?').run(JSON.stringify(snapshot), id);
  return snapshot;
}

/** desk_meta's mark that no snapshot waits for the center name and time zone (the fill below ran since the last one was built). */
const FACTS_FILLED = 'snapshot_desk_facts_filled';

/**
 * Snapshots built from rows (backfilled by desk migration 0010, or for a record pulled without
 * one) lack the center's name and time zone, which the receipt took from config.json at print
 * time and neither a migration nor a pull can read: the backend's next start writes what the
 * config says then, which is what those receipts showed. Finding them scans `applications`, so it
 * runs only when one may be waiting (markDeskFactsPending), not at every start.
 */
export function fillDeskFacts(db: Db, desk: DeskConfig): number {
  if (statement(db, 'SELECT 1 FROM desk_meta WHERE key = ?').get(FACTS_FILLED)) return 0;
  return db.transaction(() => {
    const filled = statement(
      db,
      `UPDATE applications SET snapshot = json_set(snapshot, '$.center.name', coalesce(json_extract(snapshot, '$.center.name'), ?),
         '$.timeZone', coalesce(json_extract(snapshot, '$.timeZone'), ?))
       WHERE snapshot IS NOT NULL AND (json_extract(snapshot, '$.center.name') IS NULL OR json_extract(snapshot, '$.timeZone') IS NULL)`,
    ).run(desk.center.name, desk.timeZone).changes;
    statement(db, "INSERT INTO desk_meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO NOTHING").run(FACTS_FILLED);
    return filled;
  })();
}

/** A snapshot was just built from rows: the next start fills in the center name and time zone. */
export function markDeskFactsPending(db: Db): void {
  statement(db, 'DELETE FROM desk_meta WHERE key = ?').run(FACTS_FILLED);
}
