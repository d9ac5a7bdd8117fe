import type { Migration } from '../migrate';

/** The status CHECK as 0002 wrote it, and the same with the statuses of the provider's status model. */
const OLD_CHECK =
  "CHECK (status IN ('registered', 'sent_to_provider', 'in_progress', 'needs_info', 'result_ready', 'issued', 'refused', 'withdrawn', 'returned_unclaimed'))";
const NEW_CHECK =
  "CHECK (status IN ('registered', 'sent_to_provider', 'in_progress', 'needs_info', 'result_ready', 'issued', 'sent_by_post', 'delivered', " +
  "'transferred', 'withdrawn', 'registered_in_error', 'returned_unclaimed', 'refused'))";

/**
 * Widens the applications' status CHECK in place. SQLite cannot alter a CHECK, and rebuilding
 * `applications` would have to know every column other migrations add to it; a CHECK that admits
 * more values is one of the schema edits SQLite documents as safe through `writable_schema`
 * (sqlite.org/lang_altertable.html, "making other kinds of table schema changes"): every stored
 * row satisfies the wider CHECK, and the file format does not change.
 */
function widenStatusCheck(db: Parameters<Migration['up']>[0]): void {
  const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'applications'").pluck().get() as string;
  if (!sql.includes(OLD_CHECK)) throw new Error('applications has no status CHECK of migration 0002 to widen');
  const schemaVersion = db.pragma('schema_version', { simple: true }) as number;
  // writable_schema is refused in better-sqlite3's default defensive mode; it is lifted for these statements only.
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'applications'").run(sql.replace(OLD_CHECK, NEW_CHECK));
    db.pragma(`schema_version = ${schemaVersion + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
}

/**
 * The provider's status model (docs/ARCHITECTURE.md §6.1): the new statuses (sent by post,
 * delivered, transferred, registered in error), and `status_facts`, what the moves left on the
 * case (decision, receiver, tracking number, transfer, withdrawal, suspensions, the original due
 * date) as shared/domain/status-facts.ts's JSON; null for cases no move has given any.
 * `needs_info` keeps its id as the suspended state, so no history row or queued mutation changes.
 */
export const m0012StatusModel: Migration = {
  version: 12,
  name: '0012-status-model',
  up(db) {
    widenStatusCheck(db);
    db.exec('ALTER TABLE applications ADD COLUMN status_facts TEXT;');
  },
};
