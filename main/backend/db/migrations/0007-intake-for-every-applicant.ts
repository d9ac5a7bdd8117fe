import type { Migration } from '../migrate';

/**
 * Intake for every real applicant (issue 14, docs/ARCHITECTURE.md §6): a sole trader as a kind of
 * its own, a reason instead of an РНОКПП, identity documents of every type with their validity,
 * citizenship and an address in parts; an application's representative as a person on file with
 * the basis of their authority, the person the service concerns, and the documents the applicant
 * insisted on registering without; the services that require an РНОКПП or personal attendance.
 *
 * SQLite cannot change a CHECK, so `applicants` is rebuilt: every row keeps its rowid (the
 * full-text index `applicants_fts` refers to rows by it), and its indexes and triggers are made
 * again. `rnokpp_refused` becomes `rnokpp_absent = 'religious'` and is dropped: only this schema
 * reads the file (an older app refuses a newer database). The rebuild drops the table that
 * applications refer to, so it runs with foreign keys off and is checked before it commits
 * (migrate.ts, `rebuildsTables`). The representative columns of earlier versions (`rep_*`) stay
 * for the applications that used them.
 */
export const m0007IntakeForEveryApplicant: Migration = {
  version: 7,
  name: '0007-intake-for-every-applicant',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      CREATE TABLE applicants_rebuilt (
        id                  TEXT PRIMARY KEY,
        kind                TEXT NOT NULL CHECK (kind IN ('person', 'sole_trader', 'legal_entity')),
        surname             TEXT,
        given_name          TEXT,
        patronymic          TEXT,
        birth_date          TEXT,
        sex                 TEXT CHECK (sex IN ('male', 'female')),
        rnokpp              TEXT CHECK (rnokpp GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
        rnokpp_absent       TEXT CHECK (rnokpp_absent IN ('religious', 'foreigner', 'child', 'not_assigned')),
        id_doc_type         TEXT CHECK (id_doc_type IN ('id_card', 'passport_book', 'travel_passport', 'birth_certificate',
                              'temporary_certificate', 'permanent_residence_permit', 'temporary_residence_permit',
                              'refugee_certificate', 'protection_certificate', 'foreign_passport', 'residence_permit', 'other')),
        id_doc_number       TEXT,
        id_doc_issuer       TEXT,
        id_doc_issued_on    TEXT,
        id_doc_valid_until  TEXT,
        id_doc_presented_as TEXT CHECK (id_doc_presented_as IN ('paper', 'diia')),
        unzr                TEXT,
        citizenship         TEXT CHECK (citizenship GLOB '[A-Z][A-Z][A-Z]'),
        address             TEXT,
        -- The address in parts (region, community, settlement, street, building, flat, postcode) as JSON.
        address_parts       TEXT CHECK (address_parts IS NULL OR json_valid(address_parts)),
        phone               TEXT,
        email               TEXT,
        notify_by           TEXT CHECK (notify_by IN ('phone', 'sms', 'email', 'post', 'none')),
        edrpou              TEXT CHECK (edrpou GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
        legal_name          TEXT,
        business_name       TEXT,
        registry_record     TEXT,
        display_name        TEXT NOT NULL CHECK (length(display_name) > 0),
        -- display_name normalized for search (lower case, one apostrophe, Cyrillic letters only).
        search_name         TEXT NOT NULL,
        clerk_id            TEXT NOT NULL REFERENCES clerks (id),
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        server_version      INTEGER,
        deleted_at          TEXT,
        CHECK (kind = 'legal_entity' OR (surname IS NOT NULL AND given_name IS NOT NULL)),
        CHECK (kind <> 'legal_entity' OR legal_name IS NOT NULL),
        CHECK (rnokpp IS NULL OR rnokpp_absent IS NULL)
      ) STRICT;

      INSERT INTO applicants_rebuilt (rowid, id, kind, surname, given_name, patronymic, birth_date, sex, rnokpp, rnokpp_absent,
          id_doc_type, id_doc_number, id_doc_issuer, id_doc_issued_on, id_doc_presented_as, unzr, address, phone, email, notify_by,
          edrpou, legal_name, display_name, search_name, clerk_id, created_at, updated_at, server_version, deleted_at)
        SELECT rowid, id, kind, surname, given_name, patronymic, birth_date, sex, rnokpp,
          CASE WHEN rnokpp_refused = 1 THEN 'religious' END,
          id_doc_type, id_doc_number, id_doc_issuer, id_doc_issued_on, CASE WHEN id_doc_type IS NOT NULL THEN 'paper' END,
          unzr, address, phone, email, notify_by, edrpou, legal_name, display_name, search_name, clerk_id, created_at, updated_at,
          server_version, deleted_at
        FROM applicants;

      DROP TABLE applicants;
      ALTER TABLE applicants_rebuilt RENAME TO applicants;
      CREATE INDEX applicants_rnokpp ON applicants (rnokpp) WHERE rnokpp IS NOT NULL;
      CREATE INDEX applicants_edrpou ON applicants (edrpou) WHERE edrpou IS NOT NULL;
      CREATE INDEX applicants_id_doc ON applicants (id_doc_number) WHERE id_doc_number IS NOT NULL;
      CREATE INDEX applicants_phone ON applicants (phone) WHERE phone IS NOT NULL;
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

      ALTER TABLE applications ADD COLUMN representative_id TEXT REFERENCES applicants (id);
      -- The representative's authority (shared/domain/application.ts Authority) as JSON.
      ALTER TABLE applications ADD COLUMN rep_authority TEXT CHECK (rep_authority IS NULL OR json_valid(rep_authority));
      ALTER TABLE applications ADD COLUMN subject_id TEXT REFERENCES applicants (id);
      -- {reason, missing}: registered although the required documents named in missing were not handed over.
      ALTER TABLE applications ADD COLUMN insisted TEXT CHECK (insisted IS NULL OR json_valid(insisted));
      CREATE INDEX applications_representative ON applications (representative_id) WHERE representative_id IS NOT NULL;
      CREATE INDEX applications_subject ON applications (subject_id) WHERE subject_id IS NOT NULL;

      ALTER TABLE services ADD COLUMN requires_rnokpp INTEGER NOT NULL DEFAULT 0 CHECK (requires_rnokpp IN (0, 1));
      ALTER TABLE services ADD COLUMN personal_attendance INTEGER NOT NULL DEFAULT 0 CHECK (personal_attendance IN (0, 1));
    `);
  },
};
