import { randomUUID } from 'node:crypto';
import type { AuthState, SignInRefusal, SignInResult } from '../../../shared/auth';
import { AppError } from '../../../shared/errors';
import type { Session } from '../../../shared/roles';
import { appendAudit } from '../audit/audit-log';
import { runCommand } from '../commands/unit-of-work';
import type { DeskConfig } from '../config/desk-config';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { accountById, accountByLogin, desksOf, lockoutOf, rolesOf, saveLockout, signedInClerk } from './accounts';
import type { AccountRow } from './accounts';
import { signSession } from './desk-key';
import { afterFailure, attemptsLeft, CLEAR, lockedUntil } from './lockout';
import type { LockoutState } from './lockout';
import { hashSecret, verifySecret } from './password';

export interface AuthServiceOptions {
  db: Db;
  desk: DeskConfig;
  now: () => Date;
  /** The desk's sign-in state changed: every window follows (event `auth.changed`). */
  onChange: (state: AuthState) => void;
}

/** The desk's one session (a desk is one workstation): who is signed in, in which session, and whether the screen is locked. */
interface Current {
  clerkId: string;
  sessionId: string;
  locked: boolean;
}

const PIN_FORM = /^\d{4,8}$/;
/** Unknown logins whose failures are counted (in memory only). */
const MAX_UNKNOWN_LOGINS = 1000;

/**
 * Sign-in for the whole desk (docs/ARCHITECTURE.md §9.2): every connection acts as the clerk
 * signed in now. Secrets are checked against the stored scrypt hashes (pulled ones too, so
 * sign-in works offline); failures count towards a lockout kept on the account (unknown logins
 * are counted in memory, refused alike, so no one learns which logins exist). Every sign-in,
 * failure, lock, unlock, sign-out and password change is in the audit chain, never the secret.
 */
export function createAuthService(options: AuthServiceOptions) {
  const { db, desk, now } = options;
  let current: Current | null = null;
  const unknownLogins = new Map<string, LockoutState>();

  function audit(actor: string, action: string, entityId: string, details: Record<string, unknown>): void {
    appendAudit(db, { at: now().toISOString(), actor, action, entity: 'clerk', entityId, details: { desk: desk.desk.code, ...details } });
  }

  function endSession(sessionId: string): void {
    statement(db, 'UPDATE clerk_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(now().toISOString(), sessionId);
  }

  // Sessions a crash or a restart left open end now: a restarted desk starts signed out.
  statement(db, 'UPDATE clerk_sessions SET ended_at = ? WHERE ended_at IS NULL').run(now().toISOString());

  /** Why this account may not work at this desk now, or null when it may. */
  function barred(row: AccountRow): SignInRefusal | null {
    if (row.disabled === 1) return 'disabled';
    const desks = desksOf(row);
    if (desks !== null && !desks.includes(desk.desk.code)) return 'not_on_this_desk';
    return null;
  }

  /** The signed-in account, or null when it was disabled, removed or moved off this desk since (its session ends here). */
  function liveAccount(): AccountRow | null {
    if (!current) return null;
    const row = accountById(db, current.clerkId);
    if (row && barred(row) === null) return row;
    const ended = current;
    current = null;
    runCommand(db, () => {
      endSession(ended.sessionId);
      audit(ended.clerkId, 'auth.sign_out', ended.clerkId, { sessionId: ended.sessionId, reason: row ? barred(row) : 'removed' });
    });
    options.onChange(state());
    return null;
  }

  function state(): AuthState {
    const row = current ? accountById(db, current.clerkId) : undefined;
    const { pinAllowed, idleLockMinutes } = desk.accounts;
    if (!current || !row) return { status: 'signed_out', pinAllowed };
    if (current.locked) return { status: 'locked', clerk: signedInClerk(row), pinAllowed };
    return {
      status: 'signed_in',
      clerk: signedInClerk(row),
      mustChangePassword: row.must_change_password === 1,
      idleLockMinutes,
      pinAllowed,
    };
  }

  function changed(): AuthState {
    const next = state();
    options.onChange(next);
    return next;
  }

  /** Whether `secret` is the account's password, or its PIN where the desk allows PINs (`pin_off`: a right PIN on a desk that does not). */
  async function matches(row: AccountRow | undefined, secret: string): Promise<boolean | 'pin_off'> {
    if (await verifySecret(secret, row?.password_hash ?? null)) return true;
    if (!row?.pin_hash || !PIN_FORM.test(secret) || !(await verifySecret(secret, row.pin_hash))) return false;
    return desk.accounts.pinAllowed ? true : 'pin_off';
  }

  function refused(reason: SignInRefusal, until: string | null = null, left: number | null = null): SignInResult {
    return { outcome: 'refused', reason, until, attemptsLeft: left };
  }

  /**
   * Checks `secret` for the login (or the account) under the lockout policy, recording a
   * failure. Returns the account when the secret is right, else the refusal to answer.
   */
  async function check(login: string, row: AccountRow | undefined, secret: string): Promise<AccountRow | SignInResult> {
    const before = row ? lockoutOf(row) : (unknownLogins.get(login) ?? CLEAR);
    const actor = row?.id ?? 'unknown';
    const until = lockedUntil(before, now());
    if (until !== null) {
      runCommand(db, () => audit(actor, 'auth.sign_in_failed', actor, { login, reason: 'locked_out' }));
      return refused('locked_out', until);
    }
    const match = await matches(row, secret);
    if (match === 'pin_off') {
      runCommand(db, () => audit(actor, 'auth.sign_in_failed', actor, { login, reason: 'pin_not_allowed' }));
      return refused('pin_not_allowed');
    }
    if (match) return row!;
    // Read again: another sign-in may have counted a failure while this one was hashing.
    const fresh = row ? accountById(db, row.id) : undefined;
    const after = afterFailure(fresh ? lockoutOf(fresh) : (unknownLogins.get(login) ?? CLEAR), now());
    runCommand(db, () => {
      if (row) saveLockout(db, row.id, after);
      audit(actor, 'auth.sign_in_failed', actor, { login, reason: 'wrong_secret', lockedUntil: lockedUntil(after, now()) });
    });
    if (!row) {
      // Bounded: the oldest guesses are forgotten first (a Map keeps insertion order).
      unknownLogins.delete(login);
      unknownLogins.set(login, after);
      if (unknownLogins.size > MAX_UNKNOWN_LOGINS) unknownLogins.delete(unknownLogins.keys().next().value!);
    }
    const lockedNow = lockedUntil(after, now());
    return lockedNow !== null ? refused('locked_out', lockedNow) : refused('wrong_secret', null, attemptsLeft(after));
  }

  function startSession(row: AccountRow): void {
    const previous = current;
    const sessionId = randomUUID();
    const startedAt = now().toISOString();
    runCommand(db, () => {
      saveLockout(db, row.id, CLEAR);
      if (previous) endSession(previous.sessionId);
      const signature = signSession(db, { sessionId, clerkId: row.id, startedAt });
      statement(db, 'INSERT INTO clerk_sessions (id, clerk_id, started_at, signature) VALUES (?, ?, ?, ?)').run(
        sessionId,
        row.id,
        startedAt,
        signature,
      );
      audit(row.id, 'auth.sign_in', row.id, { sessionId, ...(previous ? { replaced: previous.clerkId } : {}) });
    });
    current = { clerkId: row.id, sessionId, locked: false };
  }

  return {
    state,

    /** The session a call acts in, read at each call: none while signed out or locked; no role until a forced password change is done. */
    session(): Session | null {
      const row = liveAccount();
      if (!row || !current || current.locked) return null;
      return { clerkId: row.id, roles: row.must_change_password === 1 ? [] : rolesOf(row), sessionId: current.sessionId };
    },

    /** The clerk background work (sync, queue) names: the one signed in, else null. */
    clerkId(): string | null {
      return current?.clerkId ?? null;
    },

    async signIn(login: string, secret: string): Promise<SignInResult> {
      const row = accountByLogin(db, login);
      const checked = await check(login, row, secret);
      if (!('id' in checked)) return checked;
      const bar = barred(checked);
      if (bar !== null) {
        runCommand(db, () => audit(checked.id, 'auth.sign_in_failed', checked.id, { login, reason: bar }));
        return refused(bar);
      }
      if (current?.clerkId === checked.id) {
        // The same clerk again (e.g. at the lock screen's sign-in form): the session goes on.
        const wasLocked = current.locked;
        current.locked = false;
        runCommand(db, () => {
          saveLockout(db, checked.id, CLEAR);
          if (wasLocked) audit(checked.id, 'auth.unlock', checked.id, { sessionId: current!.sessionId });
          else audit(checked.id, 'auth.sign_in', checked.id, { sessionId: current!.sessionId, continued: true });
        });
      } else {
        startSession(checked);
      }
      return { outcome: 'signed_in', state: changed() };
    },

    async unlock(secret: string): Promise<SignInResult> {
      if (!current) throw new AppError('UNAUTHENTICATED', 'No clerk is signed in at this desk');
      const row = liveAccount();
      if (!row || !current) throw new AppError('UNAUTHENTICATED', 'No clerk is signed in at this desk');
      if (!current.locked) return { outcome: 'signed_in', state: state() };
      const checked = await check(row.login, row, secret);
      if (!('id' in checked)) return checked;
      const session = current;
      session.locked = false;
      runCommand(db, () => {
        saveLockout(db, row.id, CLEAR);
        audit(row.id, 'auth.unlock', row.id, { sessionId: session.sessionId });
      });
      return { outcome: 'signed_in', state: changed() };
    },

    lock(): AuthState {
      if (current && !current.locked) {
        const session = current;
        session.locked = true;
        runCommand(db, () => audit(session.clerkId, 'auth.lock', session.clerkId, { sessionId: session.sessionId }));
        return changed();
      }
      return state();
    },

    signOut(): AuthState {
      if (!current) return state();
      const ended = current;
      current = null;
      runCommand(db, () => {
        endSession(ended.sessionId);
        audit(ended.clerkId, 'auth.sign_out', ended.clerkId, { sessionId: ended.sessionId });
      });
      return changed();
    },

    async changePassword(currentSecret: string, next: string): Promise<AuthState> {
      const row = liveAccount();
      if (!row || !current || current.locked) throw new AppError('UNAUTHENTICATED', 'Sign in to change your password');
      if (row.origin === 'back_office') {
        throw new AppError('CONFLICT', 'The password of a back-office account is changed at the back office');
      }
      if (!(await verifySecret(currentSecret, row.password_hash))) {
        throw new AppError('VALIDATION', 'The current password is wrong', [{ path: ['current'], message: 'wrong password' }]);
      }
      if (next === currentSecret) {
        throw new AppError('VALIDATION', 'The new password must differ from the current one', [
          { path: ['next'], message: 'same as the current password' },
        ]);
      }
      const hash = await hashSecret(next);
      runCommand(db, () => {
        statement(db, 'UPDATE clerks SET password_hash = ?, must_change_password = 0, updated_at = ? WHERE id = ?').run(
          hash,
          now().toISOString(),
          row.id,
        );
        audit(row.id, 'auth.password_changed', row.id, {});
      });
      return changed();
    },

    /** An account changed (accounts.*, a pulled change): windows showing it follow. */
    accountsChanged(): void {
      if (current && liveAccount()) options.onChange(state());
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
