import { INITIAL_ADMIN } from '../../../shared/auth';
import { ROLES } from '../../../shared/roles';
import type { Role } from '../../../shared/roles';
import type { DeskConfig } from '../config/desk-config';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { uuidv7 } from '../ids';
import { hashSecretSync } from './password';

/**
 * The roles of the desk's own admin: every role on a standalone desk (its admin makes the other
 * accounts and, with no back office where the provider decides, records decisions too); only
 * `admin` on a desk with a back office, whose clerks' accounts come from there (docs/ARCHITECTURE.md §9.2).
 */
export function localAdminRoles(desk: DeskConfig): Role[] {
  return desk.backOfficeUrl === null ? [...ROLES] : ['admin'];
}

/**
 * Makes the desk's first-start admin (login `admin`, password `admin`, to be changed at the
 * first sign-in), or brings it up to date: the local clerk of a desk from before sign-in becomes
 * it (same id, so earlier records keep their clerk), and its roles follow the desk's mode at each
 * start. Hashing is scrypt, which SQL cannot do: migration 0015 leaves the hash to this.
 */
export function ensureLocalAdmin(db: Db, desk: DeskConfig, at: string): string {
  const roles = JSON.stringify(localAdminRoles(desk));
  const existing = statement(db, 'SELECT id, password_hash FROM clerks WHERE is_local = 1 AND deleted_at IS NULL LIMIT 1').get() as
    { id: string; password_hash: string | null } | undefined;
  const hash = existing?.password_hash ?? hashSecretSync(INITIAL_ADMIN.password);
  if (existing) {
    statement(
      db,
      "UPDATE clerks SET login = coalesce(login, 'admin'), roles = ?, password_hash = ?, must_change_password = CASE WHEN password_hash IS NULL THEN 1 ELSE must_change_password END WHERE id = ?",
    ).run(roles, hash, existing.id);
    return existing.id;
  }
  const id = uuidv7();
  statement(
    db,
    `INSERT INTO clerks (id, full_name, roles, is_local, login, password_hash, must_change_password, created_at, updated_at)
     VALUES (?, ?, ?, 1, ?, ?, 1, ?, ?)`,
  ).run(id, INITIAL_ADMIN.fullName, roles, INITIAL_ADMIN.login, hash, at, at);
  return id;
}
