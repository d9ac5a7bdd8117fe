import type { AccountView, SignedInClerk } from '../../../shared/auth';
import type { Role } from '../../../shared/roles';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import type { LockoutState } from './lockout';

/** A clerks row as sign-in reads it (accounts only: rows with a login). */
export interface AccountRow {
  id: string;
  login: string;
  full_name: string;
  roles: string;
  desks: string | null;
  password_hash: string | null;
  pin_hash: string | null;
  disabled: 0 | 1;
  must_change_password: 0 | 1;
  failed_attempts: number;
  lockouts: number;
  locked_until: string | null;
  is_local: 0 | 1;
  origin: 'desk' | 'back_office';
}

const COLUMNS =
  'id, login, full_name, roles, desks, password_hash, pin_hash, disabled, must_change_password, failed_attempts, lockouts, locked_until, is_local, origin';

export function accountByLogin(db: Db, login: string): AccountRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM clerks WHERE login = ? AND deleted_at IS NULL`).get(login) as AccountRow | undefined;
}

export function accountById(db: Db, id: string): AccountRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM clerks WHERE id = ? AND login IS NOT NULL AND deleted_at IS NULL`).get(id) as
    AccountRow | undefined;
}

export function listAccounts(db: Db): AccountRow[] {
  return statement(
    db,
    `SELECT ${COLUMNS} FROM clerks WHERE login IS NOT NULL AND deleted_at IS NULL ORDER BY is_local DESC, login`,
  ).all() as AccountRow[];
}

export function rolesOf(row: AccountRow): Role[] {
  return JSON.parse(row.roles) as Role[];
}

export function desksOf(row: AccountRow): string[] | null {
  return row.desks === null ? null : (JSON.parse(row.desks) as string[]);
}

export function lockoutOf(row: AccountRow): LockoutState {
  return { failures: row.failed_attempts, lockouts: row.lockouts, lockedUntil: row.locked_until };
}

export function saveLockout(db: Db, id: string, state: LockoutState): void {
  statement(db, 'UPDATE clerks SET failed_attempts = ?, lockouts = ?, locked_until = ? WHERE id = ?').run(
    state.failures,
    state.lockouts,
    state.lockedUntil,
    id,
  );
}

export function signedInClerk(row: AccountRow): SignedInClerk {
  return { id: row.id, login: row.login, fullName: row.full_name, roles: rolesOf(row) };
}

export function accountView(row: AccountRow, now: Date): AccountView {
  const until = row.locked_until !== null && Date.parse(row.locked_until) > now.getTime() ? row.locked_until : null;
  return {
    ...signedInClerk(row),
    desks: desksOf(row),
    hasPin: row.pin_hash !== null,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: until,
    source: row.origin,
  };
}
