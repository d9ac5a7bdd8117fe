import { ClerkAccountData } from '../../../shared/clerk-account';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import type { PulledApplier, PulledContext, PulledRecord } from '../sync/pulled-change';

/**
 * A login the pulled account needs, held here by another row: the back office owns logins on a
 * synced desk, so an account made while the desk was standalone gives it up (and is disabled);
 * the desk's own admin keeps `admin`, and the pulled account then cannot sign in here (logged).
 */
function freeLogin(db: Db, account: ClerkAccountData, ctx: PulledContext): boolean {
  const holder = statement(db, 'SELECT id, is_local FROM clerks WHERE login = ? AND deleted_at IS NULL AND id <> ?').get(
    account.login,
    account.id,
  ) as { id: string; is_local: 0 | 1 } | undefined;
  if (!holder) return true;
  if (holder.is_local === 1) {
    ctx.logger.log('warn', "A back-office account has the login of the desk's own admin: it cannot sign in at this desk", {
      clerkId: account.id,
      login: account.login,
    });
    return false;
  }
  statement(db, 'UPDATE clerks SET login = NULL, disabled = 1, updated_at = ? WHERE id = ?').run(ctx.at, holder.id);
  ctx.logger.log('warn', 'A desk-made account gave its login to the back-office account of the same login', {
    clerkId: holder.id,
    login: account.login,
  });
  return true;
}

function upsert(db: Db, change: PulledRecord, ctx: PulledContext): void {
  const account = ClerkAccountData.parse(change.data);
  const login = freeLogin(db, account, ctx) ? account.login : null;
  // Lockout counters stay the desk's: failures here are counted here.
  statement(
    db,
    `INSERT INTO clerks (id, full_name, roles, is_local, login, password_hash, pin_hash, desks, disabled, must_change_password, origin, created_at, updated_at, server_version)
     VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 'back_office', ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET full_name = excluded.full_name, roles = excluded.roles, login = excluded.login,
       password_hash = excluded.password_hash, pin_hash = excluded.pin_hash, desks = excluded.desks, disabled = excluded.disabled,
       must_change_password = excluded.must_change_password, origin = 'back_office', updated_at = excluded.updated_at,
       server_version = excluded.server_version, deleted_at = NULL`,
  ).run(
    account.id,
    account.fullName,
    JSON.stringify(account.roles),
    login,
    account.passwordHash,
    account.pinHash,
    account.desks === null ? null : JSON.stringify(account.desks),
    account.disabled ? 1 : 0,
    account.mustChangePassword ? 1 : 0,
    ctx.at,
    ctx.at,
    change.version,
  );
}

/**
 * Clerk accounts from the back office (docs/ARCHITECTURE.md §9.2): their hashes let clerks sign in
 * offline. A removed account stays as a row (records name it) and is disabled; a clerk signed in
 * with an account disabled here is signed out at the desk's next call (auth-service.ts).
 */
export const clerkApplier: PulledApplier = {
  apply: upsert,
  remove(db, change, ctx) {
    statement(db, 'UPDATE clerks SET disabled = 1, updated_at = ?, server_version = ? WHERE id = ?').run(ctx.at, change.version, change.id);
  },
};
