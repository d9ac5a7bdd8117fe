/**
 * The tables the start-up integrity check reads whole (integrity.ts): what every start and
 * every registration reads or writes besides the growing record tables — the desk's identity
 * and sync state, the clerks and their sessions, the catalog and calendar the deadlines come
 * from, the registration numbers' sequences, the draft. None grows with the applications, so
 * checking them costs the same at a thousand records as at a million. The record tables
 * (applicants, applications and their lines, histories, outbox, audit, documents, the name
 * indexes) are checked with the whole file in the background (full-check.ts); damage there that
 * a write runs into still fails that write whole (SQLITE_CORRUPT, storage-errors.ts).
 */
export const START_CHECKED_TABLES: readonly string[] = [
  'desk_meta',
  'sync_state',
  'clerks',
  'clerk_sessions',
  'services',
  'service_documents',
  'calendar_days',
  'subsistence_minimums',
  'registration_sequences',
  'intake_drafts',
];
