import type { Db } from '../db/open';
import { statement } from '../db/statements';

/**
 * Keys of the sync_state table: the device's enrollment and its Ed25519 key (auth/desk-key.ts;
 * `desk_key_registered` once the back office holds the public half), the pull cursor, and the queue panel's
 * last known desk state and when the back office last answered (shown stale while offline, also after a restart).
 */
export type SyncStateKey =
  | 'device_token'
  | 'device_id'
  | 'desk_private_key'
  | 'desk_key_registered'
  | 'pull_cursor'
  | 'pull_cursor_at'
  | 'last_success_at'
  | 'queue_state'
  | 'queue_contact_at'
  /** `<device id>:<seq>`: the newest audit entry the back office holds (audit/audit-upload.ts). */
  | 'audit_uploaded'
  /** JSON: the center and desk the back office enrolled this desk as, and when (enrollment-state.ts). */
  | 'enrolled'
  /** JSON: why the back office refused the last enrollment code, and a hash of that code, so a configured code is not sent again (enrollment-state.ts). */
  | 'enrollment_refused';

export function readSyncState(db: Db, key: SyncStateKey): string | null {
  return (statement(db, 'SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

/** Null removes the key. */
export function writeSyncState(db: Db, key: SyncStateKey, value: string | null): void {
  if (value === null) statement(db, 'DELETE FROM sync_state WHERE key = ?').run(key);
  else
    statement(db, 'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
}
