import type { Migration } from '../migrate';

/** The desk's own facts (install id, first start); later migrations add the domain tables. */
export const m0001DeskMeta: Migration = {
  version: 1,
  name: '0001-desk-meta',
  up(db) {
    db.exec(`
      CREATE TABLE desk_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO desk_meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    `);
  },
};
