import { liveSnapshot } from '../../applications/live-snapshot';
import type { Migration } from '../migrate';

/** Refuses UPDATE and DELETE on a table: what was issued stays as issued (docs/ARCHITECTURE.md §6.6). */
function appendOnly(table: string): string {
  return `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;
}

/**
 * The frozen case record (docs/ARCHITECTURE.md §6.6):
 * - applications.snapshot: what the receipt prints, as registered (shared/domain/case-snapshot.ts);
 * - application_receipts: every опис issued, each version of it, append-only;
 * - receipt_pdfs: the SHA-256 of each receipt's PDF per language when first produced, append-only;
 * - application_items.returned: a paper presented and handed back rather than kept in the case.
 * Every case registered before gets its snapshot and опис №1 from what its receipt showed then
 * (the live rows, applications/live-snapshot.ts), so it reprints byte for byte as before.
 */
export const m0010CaseRecord: Migration = {
  version: 10,
  name: '0010-case-record',
  up(db) {
    db.exec(`
      ALTER TABLE applications ADD COLUMN snapshot TEXT CHECK (snapshot IS NULL OR json_valid(snapshot));
      ALTER TABLE application_items ADD COLUMN returned INTEGER NOT NULL DEFAULT 0 CHECK (returned IN (0, 1));

      CREATE TABLE application_receipts (
        application_id TEXT NOT NULL REFERENCES applications (id),
        number         INTEGER NOT NULL CHECK (number > 0),
        version        INTEGER NOT NULL CHECK (version > 0),
        issued_at      TEXT NOT NULL,
        clerk_id       TEXT NOT NULL,
        clerk_name     TEXT NOT NULL,
        lines          TEXT NOT NULL CHECK (json_valid(lines) AND json_array_length(lines) > 0),
        correction     TEXT CHECK (correction IS NULL OR json_valid(correction)),
        layout         INTEGER NOT NULL CHECK (layout IN (1, 2)),
        PRIMARY KEY (application_id, number, version)
      ) STRICT;
      ${appendOnly('application_receipts')}

      CREATE TABLE receipt_pdfs (
        application_id TEXT NOT NULL REFERENCES applications (id),
        number         INTEGER NOT NULL,
        version        INTEGER NOT NULL,
        lang           TEXT NOT NULL CHECK (lang IN ('uk', 'en')),
        sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
        produced_at    TEXT NOT NULL,
        PRIMARY KEY (application_id, number, version, lang)
      ) STRICT;
      ${appendOnly('receipt_pdfs')}
    `);
    const ids = db.prepare('SELECT id FROM applications ORDER BY rowid').pluck().all() as string[];
    const setSnapshot = db.prepare('UPDATE applications SET snapshot = ? WHERE id = ?');
    const addReceipt = db.prepare(
      `INSERT INTO application_receipts (application_id, number, version, issued_at, clerk_id, clerk_name, lines, correction, layout)
       VALUES (?, 1, 1, ?, ?, ?, ?, NULL, 1)`,
    );
    for (const id of ids) {
      const built = liveSnapshot(db, id);
      if (!built) continue;
      setSnapshot.run(JSON.stringify(built.snapshot), id);
      // A case of an early version with no lines had nothing to list: it gets no опис rather than an empty one.
      if (built.first.lines.length > 0) {
        addReceipt.run(id, built.first.issuedAt, built.first.clerkId, built.first.clerkName, JSON.stringify(built.first.lines));
      }
    }
  },
};
