import type { AccountView, SaveAccount } from '../../../shared/auth';
import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { appendAudit } from '../audit/audit-log';
import { runCommand } from '../commands/unit-of-work';
import { statement } from '../db/statements';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { CommandEnv } from '../commands/unit-of-work';
import type { HandlerDeps } from '../handler-deps';
import { uuidv7 } from '../ids';
import { accountById, accountByLogin, accountView, listAccounts } from './accounts';
import type { AccountRow } from './accounts';
import type { AuthService } from './auth-service';
import { localAdminRoles } from './local-admin';
import { CLEAR } from './lockout';
import { hashSecret } from './password';

type AuthMethods =
  | 'auth.state'
  | 'auth.signIn'
  | 'auth.unlock'
  | 'auth.lock'
  | 'auth.signOut'
  | 'auth.changePassword'
  | 'accounts.list'
  | 'accounts.save'
  | 'accounts.resetPassword'
  | 'accounts.setDisabled';

export interface AuthDeps extends HandlerDeps {
  auth: AuthService;
}

/** The account an admin may change here: made on this desk (the back office owns the rest), on a standalone desk. */
function ownAccount(deps: AuthDeps, id: string): AccountRow {
  if (deps.desk.backOfficeUrl !== null) throw new AppError('CONFLICT', 'Accounts are managed at the back office');
  const row = accountById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', `No account ${id} on this desk`, [{ path: ['id'], message: 'no such account' }]);
  return row;
}

function audited(deps: AuthDeps, env: CommandEnv, id: string, action: string, details: Record<string, unknown>): AccountView {
  appendAudit(deps.db, { at: env.now().toISOString(), actor: env.clerkId, action, entity: 'clerk', entityId: id, details });
  return accountView(accountById(deps.db, id)!, env.now());
}

/** Checks a save against what the desk needs to stay usable: a free login, and the desk's own admin keeping its roles and this desk. */
function checkSave(deps: AuthDeps, input: SaveAccount, existing: AccountRow | null): void {
  const holder = accountByLogin(deps.db, input.login);
  if (holder && holder.id !== existing?.id) {
    throw new AppError('VALIDATION', `The login ${input.login} is taken`, [{ path: ['login'], message: 'login taken' }]);
  }
  if (!existing && input.password === undefined) {
    throw new AppError('VALIDATION', 'A new account needs a temporary password', [{ path: ['password'], message: 'required' }]);
  }
  if (existing?.is_local === 1) {
    const fixed = localAdminRoles(deps.desk);
    if (input.roles.length !== fixed.length || !fixed.every((r) => input.roles.includes(r)))
      throw new AppError('VALIDATION', "The desk's own admin holds every role of a standalone desk", [
        { path: ['roles'], message: 'fixed for this account' },
      ]);
    if (input.desks !== null)
      throw new AppError('VALIDATION', "The desk's own admin works at this desk", [{ path: ['desks'], message: 'fixed for this account' }]);
  }
}

async function saveAccount(deps: AuthDeps, input: SaveAccount, ctx: CallContext): Promise<AccountView> {
  const env = envFor(deps, ctx);
  if (deps.desk.backOfficeUrl !== null) throw new AppError('CONFLICT', 'Accounts are managed at the back office');
  const existing = input.id === undefined ? null : ownAccount(deps, input.id);
  checkSave(deps, input, existing);
  const passwordHash = input.password === undefined ? null : await hashSecret(input.password);
  const pinHash = input.pin ? await hashSecret(input.pin) : null;
  const at = env.now().toISOString();
  const view = runCommand(deps.db, () => {
    // Checked again inside the transaction: another save may have taken the login while this one hashed.
    checkSave(deps, input, existing);
    const id = existing?.id ?? uuidv7();
    if (!existing) {
      statement(
        deps.db,
        `INSERT INTO clerks (id, full_name, roles, is_local, login, password_hash, pin_hash, desks, must_change_password, origin, created_at, updated_at)
         VALUES (?, ?, ?, 0, ?, ?, ?, ?, 1, 'desk', ?, ?)`,
      ).run(id, input.fullName, JSON.stringify(input.roles), input.login, passwordHash, pinHash, json(input.desks), at, at);
    } else {
      statement(deps.db, 'UPDATE clerks SET login = ?, full_name = ?, roles = ?, desks = ?, updated_at = ? WHERE id = ?').run(
        input.login,
        input.fullName,
        JSON.stringify(input.roles),
        json(input.desks),
        at,
        id,
      );
      if (passwordHash !== null)
        statement(deps.db, 'UPDATE clerks SET password_hash = ?, must_change_password = 1 WHERE id = ?').run(passwordHash, id);
      if (input.pin !== undefined) statement(deps.db, 'UPDATE clerks SET pin_hash = ? WHERE id = ?').run(pinHash, id);
    }
    return audited(deps, env, id, existing ? 'account.update' : 'account.create', {
      login: input.login,
      fullName: input.fullName,
      roles: input.roles,
      desks: input.desks,
      passwordSet: input.password !== undefined,
      pin: input.pin === undefined ? 'kept' : input.pin === null ? 'removed' : 'set',
    });
  });
  deps.auth.accountsChanged();
  return view;
}

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}

/** Sign-in (the desk's one session, auth-service.ts) and the accounts an admin keeps (docs/ARCHITECTURE.md §9.2). */
export function authHandlers(deps: AuthDeps): Pick<Handlers<CallContext>, AuthMethods> {
  const { auth, db } = deps;
  return {
    'auth.state': () => auth.state(),
    'auth.signIn': ({ login, secret }) => auth.signIn(login, secret),
    'auth.unlock': ({ secret }) => auth.unlock(secret),
    'auth.lock': () => auth.lock(),
    'auth.signOut': () => auth.signOut(),
    'auth.changePassword': ({ current, next }) => auth.changePassword(current, next),
    'accounts.list': () => listAccounts(db).map((row) => accountView(row, deps.now())),
    'accounts.save': (input, ctx) => saveAccount(deps, input, ctx),
    'accounts.resetPassword': async ({ id, password }, ctx) => {
      const env = envFor(deps, ctx);
      ownAccount(deps, id);
      const hash = await hashSecret(password);
      const view = runCommand(db, () => {
        statement(
          db,
          'UPDATE clerks SET password_hash = ?, must_change_password = 1, failed_attempts = ?, lockouts = ?, locked_until = ?, updated_at = ? WHERE id = ?',
        ).run(hash, CLEAR.failures, CLEAR.lockouts, CLEAR.lockedUntil, env.now().toISOString(), id);
        return audited(deps, env, id, 'account.reset_password', {});
      });
      auth.accountsChanged();
      return view;
    },
    'accounts.setDisabled': ({ id, disabled }, ctx) => {
      const env = envFor(deps, ctx);
      const row = ownAccount(deps, id);
      if (disabled && (row.is_local === 1 || id === env.clerkId))
        throw new AppError('CONFLICT', "The desk's own admin and the account signed in now cannot be disabled", [
          { path: ['id'], message: 'cannot be disabled' },
        ]);
      const view = runCommand(db, () => {
        statement(db, 'UPDATE clerks SET disabled = ?, updated_at = ? WHERE id = ?').run(disabled ? 1 : 0, env.now().toISOString(), id);
        return audited(deps, env, id, disabled ? 'account.disable' : 'account.enable', {});
      });
      auth.accountsChanged();
      return view;
    },
  };
}
