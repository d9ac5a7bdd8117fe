import type { Db } from '../db/open';
import { statement } from '../db/statements';

/** Records made elsewhere name clerks this desk has never seen; they are shown as one. */
export const REMOTE_CLERK_ID = 'remote-clerk';

export function ensureRemoteClerk(db: Db, at: string): void {
  statement(
    db,
    "INSERT INTO clerks (id, full_name, roles, is_local, created_at, updated_at) VALUES (?, 'Інше робоче місце', '[]', 0, ?, ?) ON CONFLICT (id) DO NOTHING",
  ).run(REMOTE_CLERK_ID, at, at);
}
