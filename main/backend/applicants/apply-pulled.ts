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
 * A page of applicants in one statement: the parameters are the clerk, the time twice, and a JSON array
 * of rows, each `[id, ...WRITTEN, version]` (rowValues). One statement, not one per applicant, because FTS5 writes its pending terms out as
 * a new segment at every statement that touches it (its savepoint), so a statement per row left
 * a segment per row for the three name indexes to merge: about 4× the whole apply. (`WHERE true`
 * tells the parser the ON CONFLICT is the upsert's, not a join's.)
 */
const UPSERT_APPLICANT_PAGE = `INSERT INTO applicants (id, ${WRITTEN.join(', ')}, clerk_id, created_at, updated_at, server_version)
  SELECT ${Array.from({ length: WRITTEN.length + 1 }, (_, i) => `value ->> ${i}`).join(', ')}, ?, ?, ?, value ->> ${WRITTEN.length + 1}
  FROM json_each(?) WHERE true
  ${ON_CONFLICT}`;

type Bound = string | number | null;

/**
 * The row a pulled applicant is stored as, `[id, ...WRITTEN, version]`. The back office keeps
 * the applicant row as the desk sent it (snake_case columns, see upsert-applicant.ts). A row
 * sent by a desk of an earlier version has `rnokpp_refused` instead of `rnokpp_absent`, and
 * none of the columns added since: those are null. The search tiers are derived here, not read
 * from the payload: see search-columns.ts.
 */
function rowValues(change: PulledRecord): Bound[] {
  const data = change.data;
  const row: Record<string, unknown> = { ...data, rnokpp_absent: data.rnokpp_absent ?? (data.rnokpp_refused === 1 ? 'religious' : null) };
  const tiers = searchTierColumns(String(data.display_name ?? ''));
  const values = [...APPLICANT_COLUMNS.map((c) => row[c] ?? null), ...TIER_COLUMNS.map((c) => tiers[c])];
  // As a bound parameter would be refused: JSON would store a nested object or a boolean as text, silently.
  const odd = values.findIndex((v) => v !== null && typeof v !== 'string' && typeof v !== 'number');
  if (odd >= 0) throw new TypeError(`Pulled applicant ${change.id} has a ${typeof values[odd]} as ${WRITTEN[odd]}`);
  return [change.id, ...(values as Bound[]), change.version];
}

export const applicantApplier: PulledApplier = {
  preparePage: (db, ctx) => ensureRemoteClerk(db, ctx.at),
  apply(db, change, ctx) {
    const [id, ...rest] = rowValues(change);
    const version = rest.pop();
    statement(db, UPSERT_APPLICANT).run(id, ...rest, REMOTE_CLERK_ID, ctx.at, ctx.at, version);
  },
  applyPage(db, changes, ctx) {
    statement(db, UPSERT_APPLICANT_PAGE).run(REMOTE_CLERK_ID, ctx.at, ctx.at, JSON.stringify(changes.map(rowValues)));
  },
  remove: markDeletedIn('applicants'),
};
