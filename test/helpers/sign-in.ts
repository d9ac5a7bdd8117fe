/**
 * Signing a test's desk in through the contract, as a clerk would (issue 15): every test that
 * calls anything but the public methods signs in first. No back door: these are the real calls.
 */
import { INITIAL_ADMIN } from '../../shared/auth';
import type { AuthState } from '../../shared/auth';
import type { ViknoApi } from '../../shared/contract';

/** The password tests give the first-start admin after the forced change. */
export const TEST_ADMIN_PASSWORD = 'desk-admin-pass-1';

/** The value of a call that must succeed; a refusal throws with its code. */
export async function unwrap<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function signedIn(api: ViknoApi, login: string, secret: string): Promise<AuthState> {
  const result = await unwrap(api.call('auth.signIn', { login, secret }));
  if (result.outcome !== 'signed_in') throw new Error(`Sign-in of ${login} refused: ${result.reason}`);
  return result.state;
}

/**
 * The desk's first-start admin, signed in with its initial password changed to
 * TEST_ADMIN_PASSWORD (or with that password when it was changed before, e.g. after a restart).
 * On a standalone desk it holds every role; on a desk with a back office only `admin`.
 */
export async function signInAdmin(api: ViknoApi): Promise<AuthState> {
  const first = await unwrap(api.call('auth.signIn', { login: INITIAL_ADMIN.login, secret: INITIAL_ADMIN.password }));
  if (first.outcome === 'signed_in') {
    return unwrap(api.call('auth.changePassword', { current: INITIAL_ADMIN.password, next: TEST_ADMIN_PASSWORD }));
  }
  return signedIn(api, INITIAL_ADMIN.login, TEST_ADMIN_PASSWORD);
}

/** An account the desk knows (pulled from the back office, or made on this desk) whose password need not change. */
export function signInClerk(api: ViknoApi, login: string, password: string): Promise<AuthState> {
  return signedIn(api, login, password);
}
