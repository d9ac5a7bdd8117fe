import type { Sql, Storage } from '../storage/storage';
import { toInt } from '../storage/storage';
import { retainedFrom } from './retention';

/** The desk's cursor is older than the retained history: it must pull again from cursor 0. */
export class CursorExpired extends Error {
  constructor(
    readonly cursor: number,
    readonly retainedFrom: number,
    readonly ahead = false,
  ) {
    super(
      ahead
        ? `Cursor ${cursor} is beyond the newest change this server holds (restored from a backup?); pull again from cursor 0`
        : `Cursor ${cursor} is older than the retained history (from ${retainedFrom}); pull again from cursor 0`,
    );
  }
}

/** The change a desk's cursor points at, as the desk received it (`at=entity:id:version`). */
export interface CursorChange {
  entity: string;
  id: string;
  version: number;
}

/**
 * Whether the cursor's seq now names another change than the one the desk received: after a
 * restore from an older backup, new commits reuse the seqs the lost ones had, and once they pass
 * the desk's cursor, "cursor beyond the newest" no longer shows it. A seq at or past the oldest
 * retained one is never pruned, so its row missing means it was lost too.
 */
async function seqReused(tx: Sql, cursor: number, oldest: number, at: CursorChange): Promise<boolean> {
  const [row] = await tx.query<{ entity: string; id: string; version: unknown }>('SELECT entity, id, version FROM changes WHERE seq = $1', [
    cursor,
  ]);
  if (!row) return cursor >= oldest;
  return row.entity !== at.entity || row.id !== at.id || toInt(row.version) !== at.version;
}

/**
 * A page after $1 for center $2, $3 rows. Each branch walks changes_center (center_code, seq)
 * in order and stops after the page: one OR condition instead made PostgreSQL gather, join and
 * sort every change after the cursor for each page (~100 µs a change over 100,000, and
 * growing). `data` as text: the answer carries it as the database wrote it (pull-body.ts), so no
 * record is parsed and serialised again. Exported for the test that checks a page reads only a page.
 */
export const PULL_PAGE_SQL = `SELECT c.seq, c.entity, c.id, c.version, v.data::text AS data
  FROM ((SELECT seq, entity, id, version FROM changes WHERE center_code = $2 AND seq > $1 ORDER BY seq LIMIT $3)
        UNION ALL
        (SELECT seq, entity, id, version FROM changes WHERE center_code IS NULL AND seq > $1 ORDER BY seq LIMIT $3)
        ORDER BY seq LIMIT $3) c
  JOIN entity_versions v USING (entity, id, version)
  ORDER BY c.seq`;

interface ChangeRow {
  seq: unknown;
  entity: string;
  id: string;
  version: unknown;
  data: string;
}

/** A change of a page, its record's data still the JSON text the database holds (a JSON object). */
export interface RawChange {
  seq: number;
  entity: string;
  id: string;
  version: number;
  data: string;
}

/** A page of a pull before it is written out: PullResponse without serverTime, the data unparsed. */
export interface PullPage {
  changes: RawChange[];
  cursor: number;
  hasMore: boolean;
}

/**
 * A page of the changes a desk may see (its center's and the server-owned ones) after
 * `cursor`, in seq order, which is commit order (see CHANGE_SEQUENCE_LOCK). Cursor 0 is
 * always served: the compacted log holds the latest version of every record, so reading it
 * from the start is the re-snapshot a desk does after 410.
 */
export async function pull(
  storage: Storage,
  centerCode: string,
  cursor: number,
  limit: number,
  at: CursorChange | null = null,
): Promise<PullPage> {
  return storage.transaction(async (tx) => {
    const oldest = await retainedFrom(tx);
    if (cursor > 0 && cursor < oldest - 1) throw new CursorExpired(cursor, oldest);
    if (cursor > 0) {
      // A cursor past the newest change comes from a server restored from an older backup: the
      // seqs it hands out next would fall at or below the cursor and never reach the desk.
      const [top] = await tx.query<{ seq: unknown }>('SELECT max(seq) AS seq FROM changes');
      const newest = top?.seq === null || top?.seq === undefined ? 0 : toInt(top.seq);
      if (cursor > newest) throw new CursorExpired(cursor, oldest, true);
      if (at && (await seqReused(tx, cursor, oldest, at))) throw new CursorExpired(cursor, oldest, true);
    }
    const rows = await tx.query<ChangeRow>(PULL_PAGE_SQL, [cursor, centerCode, limit + 1]);
    const changes: RawChange[] = rows
      .slice(0, limit)
      .map((row) => ({ seq: toInt(row.seq), entity: row.entity, id: row.id, version: toInt(row.version), data: row.data }));
    return { changes, cursor: changes.at(-1)?.seq ?? cursor, hasMore: rows.length > limit };
  });
}
