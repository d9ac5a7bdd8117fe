import type { Migration } from '../migrate';

/**
 * The whole desk domain of docs/ARCHITECTURE.md §6. Every synced table carries `server_version` (null
 * until the back office has acknowledged the row) and `deleted_at` (a tombstone: synced rows
 * are never hard-deleted).
 */
export const m0002Domain: Migration = {
  version: 2,
  name: '0002-domain',
  up(db) {
    db.exec(`
      CREATE TABLE clerks (
        id             TEXT PRIMARY KEY,
        full_name      TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
        roles          TEXT NOT NULL DEFAULT '["clerk"]' CHECK (json_valid(roles)),
        is_local       INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1)),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        server_version INTEGER,
        deleted_at     TEXT
      ) STRICT;

      CREATE TABLE services (
        id             TEXT PRIMARY KEY,
        code           TEXT NOT NULL UNIQUE,
        name_uk        TEXT NOT NULL,
        name_en        TEXT NOT NULL,
        provider_uk    TEXT NOT NULL,
        provider_en    TEXT NOT NULL,
        fee_kopecks    INTEGER NOT NULL DEFAULT 0 CHECK (fee_kopecks >= 0),
        deadline_value INTEGER NOT NULL CHECK (deadline_value > 0),
        deadline_unit  TEXT NOT NULL CHECK (deadline_unit IN ('working_days', 'calendar_days')),
        active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        updated_at     TEXT NOT NULL,
        server_version INTEGER,
        deleted_at     TEXT
      ) STRICT;

      CREATE TABLE service_documents (
        service_id TEXT NOT NULL REFERENCES services (id),
        position   INTEGER NOT NULL CHECK (position > 0),
        name_uk    TEXT NOT NULL,
        name_en    TEXT NOT NULL,
        required   INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
        PRIMARY KEY (service_id, position)
      ) STRICT;

      -- Days that differ from the Monday–Friday week: a day off on a weekday, or a working weekend day.
      CREATE TABLE calendar_days (
        day            TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        kind           TEXT NOT NULL CHECK (kind IN ('day_off', 'working_day')),
        name           TEXT NOT NULL DEFAULT '',
        updated_at     TEXT NOT NULL,
        server_version INTEGER,
        deleted_at     TEXT
      ) STRICT;

      CREATE TABLE applicants (
        id               TEXT PRIMARY KEY,
        kind             TEXT NOT NULL CHECK (kind IN ('person', 'legal_entity')),
        surname          TEXT,
        given_name       TEXT,
        patronymic       TEXT,
        birth_date       TEXT,
        sex              TEXT CHECK (sex IN ('male', 'female')),
        rnokpp           TEXT CHECK (rnokpp GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
        rnokpp_refused   INTEGER NOT NULL DEFAULT 0 CHECK (rnokpp_refused IN (0, 1)),
        id_doc_type      TEXT CHECK (id_doc_type IN ('id_card', 'passport_book', 'foreign_passport', 'residence_permit', 'other')),
        id_doc_number    TEXT,
        id_doc_issuer    TEXT,
        id_doc_issued_on TEXT,
        unzr             TEXT,
        address          TEXT,
        phone            TEXT,
        email            TEXT,
        notify_by        TEXT CHECK (notify_by IN ('phone', 'sms', 'email', 'post', 'none')),
        edrpou           TEXT CHECK (edrpou GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
        legal_name       TEXT,
        display_name     TEXT NOT NULL CHECK (length(display_name) > 0),
        -- display_name normalized for search (lower case, one apostrophe, Cyrillic letters only).
        search_name      TEXT NOT NULL,
        clerk_id         TEXT NOT NULL REFERENCES clerks (id),
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        server_version   INTEGER,
        deleted_at       TEXT,
        CHECK (kind = 'legal_entity' OR (surname IS NOT NULL AND given_name IS NOT NULL)),
        CHECK (kind = 'person' OR legal_name IS NOT NULL),
        CHECK (rnokpp IS NULL OR rnokpp_refused = 0)
      ) STRICT;
      CREATE INDEX applicants_rnokpp ON applicants (rnokpp) WHERE rnokpp IS NOT NULL;
      CREATE INDEX applicants_edrpou ON applicants (edrpou) WHERE edrpou IS NOT NULL;
      CREATE INDEX applicants_id_doc ON applicants (id_doc_number) WHERE id_doc_number IS NOT NULL;
      CREATE INDEX applicants_phone ON applicants (phone) WHERE phone IS NOT NULL;

      CREATE VIRTUAL TABLE applicants_fts USING fts5 (
        search_name,
        content = 'applicants',
        content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '1 2 3'
      );
      CREATE TRIGGER applicants_fts_insert AFTER INSERT ON applicants BEGIN
        INSERT INTO applicants_fts (rowid, search_name) VALUES (new.rowid, new.search_name);
      END;
      CREATE TRIGGER applicants_fts_delete AFTER DELETE ON applicants BEGIN
        INSERT INTO applicants_fts (applicants_fts, rowid, search_name) VALUES ('delete', old.rowid, old.search_name);
      END;
      CREATE TRIGGER applicants_fts_update AFTER UPDATE OF search_name ON applicants BEGIN
        INSERT INTO applicants_fts (applicants_fts, rowid, search_name) VALUES ('delete', old.rowid, old.search_name);
        INSERT INTO applicants_fts (rowid, search_name) VALUES (new.rowid, new.search_name);
      END;

      CREATE TABLE tickets (
        id              TEXT PRIMARY KEY,
        number          TEXT NOT NULL,
        queue_code      TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'transferred')),
        priority_reason TEXT,
        issued_at       TEXT NOT NULL,
        desk_code       TEXT,
        updated_at      TEXT NOT NULL,
        server_version  INTEGER,
        deleted_at      TEXT
      ) STRICT;

      CREATE TABLE ticket_events (
        seq       INTEGER PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets (id),
        event     TEXT NOT NULL CHECK (event IN ('issued', 'called', 'recalled', 'arrived', 'no_show', 'transferred', 'parked', 'service_started', 'service_ended')),
        at        TEXT NOT NULL,
        clerk_id  TEXT REFERENCES clerks (id),
        desk_code TEXT,
        details   TEXT CHECK (details IS NULL OR json_valid(details))
      ) STRICT;
      CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, seq);

      CREATE TABLE applications (
        id                TEXT PRIMARY KEY,
        reg_number        TEXT NOT NULL UNIQUE,
        service_id        TEXT NOT NULL REFERENCES services (id),
        applicant_id      TEXT NOT NULL REFERENCES applicants (id),
        rep_full_name     TEXT,
        rep_doc_type      TEXT,
        rep_doc_number    TEXT,
        rep_poa_number    TEXT,
        rep_poa_date      TEXT,
        status            TEXT NOT NULL CHECK (status IN ('registered', 'sent_to_provider', 'in_progress', 'needs_info', 'result_ready', 'issued', 'refused', 'withdrawn', 'returned_unclaimed')),
        registered_at     TEXT NOT NULL,
        registered_on     TEXT NOT NULL,
        due_date          TEXT NOT NULL,
        result_delivery   TEXT NOT NULL DEFAULT 'in_person' CHECK (result_delivery IN ('in_person', 'post', 'email', 'electronic')),
        notes             TEXT,
        clerk_id          TEXT NOT NULL REFERENCES clerks (id),
        center_code       TEXT NOT NULL,
        desk_code         TEXT NOT NULL,
        window            TEXT NOT NULL,
        ticket_id         TEXT REFERENCES tickets (id),
        updated_at        TEXT NOT NULL,
        server_version    INTEGER,
        deleted_at        TEXT,
        CHECK (rep_full_name IS NULL OR rep_poa_number IS NOT NULL)
      ) STRICT;
      CREATE INDEX applications_registered_on ON applications (registered_on);
      CREATE INDEX applications_applicant ON applications (applicant_id);

      -- The receipt lines (опис): what the citizen handed over, numbered.
      CREATE TABLE application_items (
        application_id TEXT NOT NULL REFERENCES applications (id),
        position       INTEGER NOT NULL CHECK (position > 0),
        name           TEXT NOT NULL,
        original       INTEGER NOT NULL CHECK (original IN (0, 1)),
        sheets         INTEGER NOT NULL CHECK (sheets > 0),
        PRIMARY KEY (application_id, position)
      ) STRICT;

      CREATE TABLE application_status_history (
        seq            INTEGER PRIMARY KEY,
        application_id TEXT NOT NULL REFERENCES applications (id),
        from_status    TEXT,
        to_status      TEXT NOT NULL,
        reason         TEXT,
        received_by    TEXT,
        at             TEXT NOT NULL,
        clerk_id       TEXT NOT NULL REFERENCES clerks (id)
      ) STRICT;
      CREATE INDEX application_status_history_app ON application_status_history (application_id, seq);

      CREATE TABLE blobs (
        sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size       INTEGER NOT NULL CHECK (size >= 0),
        mime       TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE documents (
        id             TEXT PRIMARY KEY,
        application_id TEXT NOT NULL REFERENCES applications (id),
        kind           TEXT NOT NULL,
        pages          INTEGER NOT NULL CHECK (pages > 0),
        blob_sha256    TEXT NOT NULL REFERENCES blobs (sha256),
        clerk_id       TEXT NOT NULL REFERENCES clerks (id),
        attached_at    TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        server_version INTEGER,
        deleted_at     TEXT
      ) STRICT;
      CREATE INDEX documents_application ON documents (application_id);

      -- Per center, desk and local day; allocated inside the registering transaction.
      CREATE TABLE registration_sequences (
        center_code TEXT NOT NULL,
        desk_code   TEXT NOT NULL,
        day         TEXT NOT NULL,
        last_value  INTEGER NOT NULL CHECK (last_value > 0),
        PRIMARY KEY (center_code, desk_code, day)
      ) STRICT;

      CREATE TABLE outbox (
        seq              INTEGER PRIMARY KEY,
        mutation_id      TEXT NOT NULL UNIQUE,
        aggregate        TEXT NOT NULL,
        prev_mutation_id TEXT REFERENCES outbox (mutation_id),
        base_version     INTEGER,
        kind             TEXT NOT NULL,
        payload          TEXT NOT NULL CHECK (json_valid(payload)),
        actor            TEXT NOT NULL,
        status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'blocked_on_blob', 'inflight', 'acked', 'conflict', 'rejected', 'dead')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  TEXT,
        last_error       TEXT,
        created_at       TEXT NOT NULL,
        acked_at         TEXT,
        server_version   INTEGER
      ) STRICT;
      CREATE INDEX outbox_status ON outbox (status, seq);
      CREATE INDEX outbox_aggregate ON outbox (aggregate, seq);

      CREATE TABLE sync_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Append-only and hash-chained: hash = SHA-256(prev_hash || the entry's canonical JSON).
      CREATE TABLE audit_events (
        seq       INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        entity    TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        details   TEXT NOT NULL CHECK (json_valid(details)),
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN
        SELECT RAISE(ABORT, 'audit_events is append-only');
      END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN
        SELECT RAISE(ABORT, 'audit_events is append-only');
      END;
    `);
  },
};
