import { ensureRemoteClerk, REMOTE_CLERK_ID } from '../clerks/remote-clerk';
import { statement } from '../db/statements';
import type { PulledApplier, PulledRecord } from '../sync/pulled-change';
import { markDeletedIn } from '../sync/pulled-change';
import { searchTierColumns } from './search-columns';

const APPLICANT_COLUMNS = [
  'kind',
  'surname',
  'given_name',
  'patronymic',
  'birth_date',
  'sex',
  'rnokpp',
  'rnokpp_absent',
  'id_doc_type',
  'id_doc_number',
  'id_doc_issuer',
  'id_doc_issued_on',
  'id_doc_valid_until',
  'id_doc_presented_as',
  'unzr',
  'citizenship',
  'address',
  'address_parts',
  'phone',
  'email',
  'notify_by',
  'edrpou',
  'legal_name',
  'business_name',
  'registry_record',
  'display_name',
  'search_name',
] as const;
const TIER_COLUMNS = ['search_folded', 'search_latin'] as const;
const WRITTEN = [...APPLICANT_COLUMNS, ...TIER_COLUMNS];

const ON_CONFLICT = `ON CONFLICT (id) DO UPDATE SET ${WRITTEN.map((c) => `${c} = excluded.${c}`).join(', ')},
    updated_at = excluded.updated_at, server_version = excluded.server_version, deleted_at = NULL`;

const UPSERT_APPLICANT = `INSERT INTO applicants (id, ${WRITTEN.join(', ')}, clerk_id, created_at, updated_at, server_version)
  VALUES (?, ${WRITTEN.map(() => '?').join(', ')}, ?, ?, ?, ?)
  ${ON_CONFLICT}`;

/**
 * A run of pulled applicants is staged row by row in a temporary table, then written to
 * `applicants` by one statement. One statement, not one per applicant, because FTS5 writes its
 * pending terms out as a new segment at every statement that touches it (its savepoint), so a
 * statement per row left a segment per row in each of the three name indexes: applying 20,000
 * that way took 3.4–3.7× as long (docs/ARCHITECTURE.md §7.3). Staged as bound parameters: one
 * JSON text read with `->>` per column was slower than binding. The stage is per connection and emptied after each run.
 * (`WHERE true` tells the parser the ON CONFLICT is the upsert's, not a join's.)
 */
const STAGE = `CREATE TEMP TABLE IF NOT EXISTS pulled_applicants (n INTEGER PRIMARY KEY, id, ${WRITTEN.join(', ')}, version)`;
const STAGE_ROW = `INSERT INTO temp.pulled_applicants (id, ${WRITTEN.join(', ')}, version) VALUES (?, ${WRITTEN.map(() => '?').join(', ')}, ?)`;
const UPSERT_STAGED = `INSERT INTO applicants (id, ${WRITTEN.join(', ')}, clerk_id, created_at, updated_at, server_version)
  SELECT id, ${WRITTEN.join(', ')}, ?, ?, ?, version FROM temp.pulled_applicants WHERE true ORDER BY n
  ${ON_CONFLICT}`;

/**
 * The row a pulled applicant is stored as, `[id, ...WRITTEN, version]`. The back office keeps
 * the applicant row as the desk sent it (snake_case columns, see upsert-applicant.ts). A row
 * sent by a desk of an earlier version has `rnokpp_refused` instead of `rnokpp_absent`, and
 * none of the columns added since: those are null. The search tiers are derived here, not read
 * from the payload: see search-columns.ts.
 */
function rowValues(change: PulledRecord): unknown[] {
  const data = change.data;
  const row: Record<string, unknown> = { ...data, rnokpp_absent: data.rnokpp_absent ?? (data.rnokpp_refused === 1 ? 'religious' : null) };
  const tiers = searchTierColumns(String(data.display_name ?? ''));
  // A value that is not one (a nested object, a boolean) fails to bind: the page is then applied change by change and skips it.
  return [change.id, ...APPLICANT_COLUMNS.map((c) => row[c] ?? null), ...TIER_COLUMNS.map((c) => tiers[c]), change.version];
}

export const applicantApplier: PulledApplier = {
  preparePage: (db, ctx) => ensureRemoteClerk(db, ctx.at),
  apply(db, change, ctx) {
    const [id, ...rest] = rowValues(change);
    const version = rest.pop();
    statement(db, UPSERT_APPLICANT).run(id, ...rest, REMOTE_CLERK_ID, ctx.at, ctx.at, version);
  },
  applyPage(db, changes, ctx) {
    db.exec(STAGE);
    try {
      const stage = statement(db, STAGE_ROW);
      for (const change of changes) stage.run(...rowValues(change));
      statement(db, UPSERT_STAGED).run(REMOTE_CLERK_ID, ctx.at, ctx.at);
    } finally {
      statement(db, 'DELETE FROM temp.pulled_applicants').run();
    }
  },
  remove: markDeletedIn('applicants'),
};
