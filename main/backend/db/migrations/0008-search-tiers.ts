import { searchTierColumns } from '../../applicants/search-columns';
import type { Migration } from '../migrate';

/** Every apostrophe variant search-text.ts drops, so that «Мар'яна» and «Марʼяна» are one word here too. */
const APOSTROPHES = ["'", '’', 'ʼ', '`', '‘', 'ʻ', '´', 'ʹ', '′', '＇'];

/** A representative's name without apostrophes, in SQL: the FTS5 tokenizer lower-cases, but splits at ' and keeps ʼ inside a word. */
function repName(column: string): string {
  return APOSTROPHES.reduce((sql, a) => `replace(${sql}, '${a.replaceAll("'", "''")}', '')`, column);
}

/** An FTS5 index over one applicants column, kept by triggers like applicants_fts (0002). */
function applicantsFts(table: string, column: string): string {
  return `
    CREATE VIRTUAL TABLE ${table} USING fts5 (
      ${column},
      content = 'applicants',
      content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 0',
      prefix = '1 2 3'
    );
    CREATE TRIGGER ${table}_insert AFTER INSERT ON applicants BEGIN
      INSERT INTO ${table} (rowid, ${column}) VALUES (new.rowid, new.${column});
    END;
    CREATE TRIGGER ${table}_delete AFTER DELETE ON applicants BEGIN
      INSERT INTO ${table} (${table}, rowid, ${column}) VALUES ('delete', old.rowid, old.${column});
    END;
    CREATE TRIGGER ${table}_update AFTER UPDATE OF ${column} ON applicants BEGIN
      INSERT INTO ${table} (${table}, rowid, ${column}) VALUES ('delete', old.rowid, old.${column});
      INSERT INTO ${table} (rowid, ${column}) VALUES (new.rowid, new.${column});
    END;
    INSERT INTO ${table} (${table}) VALUES ('rebuild');`;
}

const BACKFILL_BATCH = 10_000;

/**
 * The search tiers of docs/ARCHITECTURE.md §5.6 beyond exact letters:
 * - applicants.search_folded and search_latin (search-columns.ts), filled here for every
 *   existing applicant, each with its FTS5 prefix index;
 * - an index on the last four characters of the registration number, so the short number a
 *   clerk reads off a receipt ("0001", "20261202-0002") is found without a scan;
 * - an FTS5 index of representatives' names (contentless: only rowids are read back).
 * The partial РНОКПП search needs nothing new: a range on applicants_rnokpp (0002).
 */
export const m0008SearchTiers: Migration = {
  version: 8,
  name: '0008-search-tiers',
  up(db) {
    db.exec(`
      ALTER TABLE applicants ADD COLUMN search_folded TEXT NOT NULL DEFAULT '';
      ALTER TABLE applicants ADD COLUMN search_latin TEXT NOT NULL DEFAULT '';
    `);
    const page = db.prepare<[number, number], { rowid: number; display_name: string }>(
      'SELECT rowid, display_name FROM applicants WHERE rowid > ? ORDER BY rowid LIMIT ?',
    );
    const fill = db.prepare('UPDATE applicants SET search_folded = ?, search_latin = ? WHERE rowid = ?');
    for (let rows = page.all(0, BACKFILL_BATCH); rows.length > 0; rows = page.all(rows.at(-1)!.rowid, BACKFILL_BATCH)) {
      for (const row of rows) {
        const tiers = searchTierColumns(row.display_name);
        fill.run(tiers.search_folded, tiers.search_latin, row.rowid);
      }
    }
    db.exec(`
      ${applicantsFts('applicants_folded_fts', 'search_folded')}
      ${applicantsFts('applicants_latin_fts', 'search_latin')}

      CREATE INDEX applications_reg_seq ON applications (substr(reg_number, -4));

      CREATE VIRTUAL TABLE applications_rep_fts USING fts5 (
        rep_name,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '1 2 3'
      );
      CREATE TRIGGER applications_rep_fts_insert AFTER INSERT ON applications WHEN new.rep_full_name IS NOT NULL BEGIN
        INSERT INTO applications_rep_fts (rowid, rep_name) VALUES (new.rowid, ${repName('new.rep_full_name')});
      END;
      CREATE TRIGGER applications_rep_fts_delete AFTER DELETE ON applications BEGIN
        DELETE FROM applications_rep_fts WHERE rowid = old.rowid;
      END;
      CREATE TRIGGER applications_rep_fts_update AFTER UPDATE OF rep_full_name ON applications BEGIN
        DELETE FROM applications_rep_fts WHERE rowid = old.rowid;
        INSERT INTO applications_rep_fts (rowid, rep_name) SELECT new.rowid, ${repName('new.rep_full_name')} WHERE new.rep_full_name IS NOT NULL;
      END;
      INSERT INTO applications_rep_fts (rowid, rep_name)
        SELECT rowid, ${repName('rep_full_name')} FROM applications WHERE rep_full_name IS NOT NULL;
    `);
  },
};
