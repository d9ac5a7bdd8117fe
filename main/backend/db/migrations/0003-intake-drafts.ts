import type { Migration } from '../migrate';

/**
 * The intake a clerk has in progress, one per clerk, so it survives a closed window or a
 * crash. Local only (never synced): it holds a citizen's data before they agreed to anything.
 */
export const m0003IntakeDrafts: Migration = {
  version: 3,
  name: '0003-intake-drafts',
  up(db) {
    db.exec(`
      CREATE TABLE intake_drafts (
        clerk_id   TEXT PRIMARY KEY REFERENCES clerks (id),
        data       TEXT NOT NULL CHECK (json_valid(data)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
