/**
 * The lockout policy (docs/ARCHITECTURE.md §9.2), pure over the time it is given: after
 * MAX_FAILURES failed sign-ins in a row a login is locked for 1 minute, each further lockout
 * doubles that (at most 60), and a good sign-in forgets it all.
 */
export const MAX_FAILURES = 5;
export const FIRST_LOCKOUT_MINUTES = 1;
export const MAX_LOCKOUT_MINUTES = 60;

export interface LockoutState {
  /** Failures since the last good sign-in or the last lockout. */
  failures: number;
  /** Lockouts since the last good sign-in: the next one lasts twice as long. */
  lockouts: number;
  /** ISO time the current lockout ends; null when none was ever set. */
  lockedUntil: string | null;
}

export const CLEAR: LockoutState = { failures: 0, lockouts: 0, lockedUntil: null };

export function lockoutMinutes(lockouts: number): number {
  return Math.min(MAX_LOCKOUT_MINUTES, FIRST_LOCKOUT_MINUTES * 2 ** Math.max(0, lockouts - 1));
}

/** The time until which sign-ins are refused without looking at the secret, or null when they may try. */
export function lockedUntil(state: LockoutState, now: Date): string | null {
  return state.lockedUntil !== null && Date.parse(state.lockedUntil) > now.getTime() ? state.lockedUntil : null;
}

/** After a wrong secret (only counted while not locked): the fifth in a row starts a lockout. */
export function afterFailure(state: LockoutState, now: Date): LockoutState {
  const failures = state.failures + 1;
  if (failures < MAX_FAILURES) return { ...state, failures };
  const lockouts = state.lockouts + 1;
  return { failures: 0, lockouts, lockedUntil: new Date(now.getTime() + lockoutMinutes(lockouts) * 60_000).toISOString() };
}

/** Failures a login has left before its next lockout. */
export function attemptsLeft(state: LockoutState): number {
  return MAX_FAILURES - state.failures;
}
