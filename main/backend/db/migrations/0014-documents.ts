import type { Migration } from '../migrate';

/**
 * Documents into the case file (docs/ARCHITECTURE.md §6.9). A page set holds the pages of one
 * receipt line (or of the inbox) until they are assembled into one PDF and attached; pages refer
 * to the content-addressed store by hash. A document remembers its receipt line and where it came
 * from; a blob whose local file retention removed keeps its row (`purged_at`), the back office
 * holds the file. `hot_folder_taken` is every file the hot folder took, so none is taken twice.
 */
export const m0014Documents: Migration = {
  version: 14,
  name: '0014-documents',
  up(db) {
    db.exec(`
      CREATE TABLE page_sets (
        id               TEXT PRIMARY KEY,
        owner_kind       TEXT NOT NULL CHECK (owner_kind IN ('intake', 'line', 'inbox')),
        intake_line_key  TEXT,
        application_id   TEXT REFERENCES applications (id),
        receipt_number   INTEGER,
        line_position    INTEGER,
        clerk_id         TEXT NOT NULL REFERENCES clerks (id),
        label            TEXT NOT NULL,
        assembled_sha256 TEXT REFERENCES blobs (sha256),
        assembled_pages  INTEGER,
        assembled_bytes  INTEGER,
        document_id      TEXT REFERENCES documents (id),
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        CHECK ((owner_kind = 'intake') = (intake_line_key IS NOT NULL)),
        CHECK ((owner_kind = 'line') = (receipt_number IS NOT NULL AND line_position IS NOT NULL)),
        CHECK (owner_kind <> 'line' OR application_id IS NOT NULL),
        CHECK ((assembled_sha256 IS NULL) = (assembled_pages IS NULL) AND (assembled_sha256 IS NULL) = (assembled_bytes IS NULL))
      ) STRICT;
      -- One open set per intake line of a clerk and per receipt line; an attached set is history.
      CREATE UNIQUE INDEX page_sets_intake_line ON page_sets (clerk_id, intake_line_key)
        WHERE owner_kind = 'intake' AND document_id IS NULL;
      CREATE UNIQUE INDEX page_sets_receipt_line ON page_sets (application_id, receipt_number, line_position)
        WHERE owner_kind = 'line' AND document_id IS NULL;
      CREATE INDEX page_sets_inbox ON page_sets (created_at) WHERE owner_kind = 'inbox';

      CREATE TABLE pages (
        id          TEXT PRIMARY KEY,
        set_id      TEXT NOT NULL REFERENCES page_sets (id),
        position    INTEGER NOT NULL CHECK (position >= 1),
        blob_sha256 TEXT NOT NULL REFERENCES blobs (sha256),
        kind        TEXT NOT NULL CHECK (kind IN ('image', 'pdf_page')),
        pdf_page    INTEGER CHECK (pdf_page IS NULL OR pdf_page >= 0),
        rotation    INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
        width_px    INTEGER NOT NULL CHECK (width_px >= 0),
        height_px   INTEGER NOT NULL CHECK (height_px >= 0),
        dpi         INTEGER CHECK (dpi IS NULL OR dpi > 0),
        bytes       INTEGER NOT NULL CHECK (bytes >= 0),
        source      TEXT NOT NULL CHECK (source IN ('scanner', 'hot_folder', 'file', 'diia')),
        source_name TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        CHECK ((kind = 'pdf_page') = (pdf_page IS NOT NULL))
      ) STRICT;
      CREATE INDEX pages_set ON pages (set_id, position);

      ALTER TABLE documents ADD COLUMN receipt_number INTEGER;
      ALTER TABLE documents ADD COLUMN line_position INTEGER;
      ALTER TABLE documents ADD COLUMN source TEXT CHECK (source IS NULL OR source IN ('scanner', 'hot_folder', 'file', 'diia'));
      ALTER TABLE blobs ADD COLUMN purged_at TEXT;

      CREATE TABLE hot_folder_taken (
        file_key TEXT PRIMARY KEY,
        sha256   TEXT NOT NULL CHECK (length(sha256) = 64),
        taken_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
