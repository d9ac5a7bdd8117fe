/**
 * A bare desk database (openTestDesk) made to stand for a desk the server harness enrolled
 * (server.enrollDesk): its token, device id and key, and the center's test clerk signed in with
 * the harness's session — what a real desk holds after enrollment and sign-in — so an engine run on
 * it pushes as that clerk. Outbox rows a test writes carry `stamp` (actor and session).
 */
import type { Db } from '../../main/backend/db/open';
import { writeSyncState } from '../../main/backend/sync/sync-state';
import type { Desk } from '../integration/server/harness';

export function adoptEnrollment(db: Db, desk: Desk): { actor: string; sessionId: string } {
  writeSyncState(db, 'device_token', desk.token);
  writeSyncState(db, 'device_id', desk.deviceId);
  writeSyncState(db, 'desk_private_key', desk.key.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'));
  writeSyncState(db, 'desk_key_registered', new Date().toISOString());
  const at = desk.session.startedAt;
  db.prepare(
    "INSERT INTO clerks (id, full_name, roles, is_local, created_at, updated_at) VALUES (?, 'Клерк центру', '[\"clerk\"]', 0, ?, ?) ON CONFLICT (id) DO NOTHING",
  ).run(desk.clerkId, at, at);
  db.prepare('INSERT INTO clerk_sessions (id, clerk_id, started_at, signature) VALUES (?, ?, ?, ?)').run(
    desk.session.sessionId,
    desk.clerkId,
    at,
    desk.session.signature,
  );
  return { actor: desk.clerkId, sessionId: desk.session.sessionId };
}
