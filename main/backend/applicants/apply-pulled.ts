import { ensureRemoteClerk, REMOTE_CLERK_ID } from '../clerks/remote-clerk';
import { statement } from '../db/statements';
import type { PulledApplier } from '../sync/pulled-change';
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

const UPSERT_APPLICANT = `INSERT INTO applicants (id, ${WRITTEN.join(', ')}, clerk_id, created_at, updated_at, server_version)
  VALUES (?, ${WRITTEN.map(() => '?').join(', ')}, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET ${WRITTEN.map((c) => `${c} = excluded.${c}`).join(', ')},
    updated_at = excluded.updated_at, server_version = excluded.server_version, deleted_at = NULL`;

/**
 * The back office keeps the applicant row as the desk sent it (snake_case columns, see
 * upsert-applicant.ts). A row sent by a desk of an earlier version has `rnokpp_refused` instead
 * of `rnokpp_absent`, and none of the columns added since: those are null.
 */
export const applicantApplier: PulledApplier = {
  preparePage: (db, ctx) => ensureRemoteClerk(db, ctx.at),
  apply(db, change, ctx) {
    const data = change.data;
    const row: Record<string, unknown> = { ...data, rnokpp_absent: data.rnokpp_absent ?? (data.rnokpp_refused === 1 ? 'religious' : null) };
    const values = APPLICANT_COLUMNS.map((c) => (row[c] ?? null) as string | number | null);
    // Derived here, not read from the payload: see search-columns.ts.
    const tiers = searchTierColumns(String(data.display_name ?? ''));
    const tierValues = TIER_COLUMNS.map((c) => tiers[c]);
    statement(db, UPSERT_APPLICANT).run(change.id, ...values, ...tierValues, REMOTE_CLERK_ID, ctx.at, ctx.at, change.version);
  },
  remove: markDeletedIn('applicants'),
};
