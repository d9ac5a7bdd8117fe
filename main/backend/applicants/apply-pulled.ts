import { ensureRemoteClerk, REMOTE_CLERK_ID } from '../clerks/remote-clerk';
import { statement } from '../db/statements';
import type { PulledApplier } from '../sync/pulled-change';
import { markDeletedIn } from '../sync/pulled-change';

const APPLICANT_COLUMNS = [
  'kind',
  'surname',
  'given_name',
  'patronymic',
  'birth_date',
  'sex',
  'rnokpp',
  'rnokpp_refused',
  'id_doc_type',
  'id_doc_number',
  'id_doc_issuer',
  'id_doc_issued_on',
  'unzr',
  'address',
  'phone',
  'email',
  'notify_by',
  'edrpou',
  'legal_name',
  'display_name',
  'search_name',
] as const;

const UPSERT_APPLICANT = `INSERT INTO applicants (id, ${APPLICANT_COLUMNS.join(', ')}, clerk_id, created_at, updated_at, server_version)
  VALUES (?, ${APPLICANT_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET ${APPLICANT_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')},
    updated_at = excluded.updated_at, server_version = excluded.server_version, deleted_at = NULL`;

/** The back office keeps the applicant row as the desk sent it (snake_case columns, see upsert-applicant.ts). */
export const applicantApplier: PulledApplier = {
  preparePage: (db, ctx) => ensureRemoteClerk(db, ctx.at),
  apply(db, change, ctx) {
    const data = change.data;
    const values = APPLICANT_COLUMNS.map((c) => (c === 'rnokpp_refused' ? (data[c] ?? 0) : (data[c] ?? null)) as string | number | null);
    statement(db, UPSERT_APPLICANT).run(change.id, ...values, REMOTE_CLERK_ID, ctx.at, ctx.at, change.version);
  },
  remove: markDeletedIn('applicants'),
};
