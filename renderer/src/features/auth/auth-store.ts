import { create } from 'zustand';
import type { AuthState, SignInResult } from '../../../../shared/auth';
import type { ClerkProfile, ViknoApi } from '../../../../shared/contract';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useShellStore } from '../../app/shell-store';

interface AuthStoreState {
  /** The desk's sign-in state; null until the backend first answered. */
  auth: AuthState | null;
  /** `auth.state` failed: the gate shows it with a retry. */
  loadError: ErrorBody | null;
  /** The clerk whose work this window holds in memory (forms, lists); null before anyone signed in here. */
  windowClerkId: string | null;
  /**
   * Drops everything this window holds in memory. Another clerk must not find the previous
   * one's half-typed forms, so a window whose clerk changes starts afresh (a reload keeps the
   * browser host's token, which is in the URL fragment).
   */
  reloadWindow(): void;
}

export const useAuthStore = create<AuthStoreState>()(() => ({
  auth: null,
  loadError: null,
  windowClerkId: null,
  reloadWindow: () => window.location.reload(),
}));

/**
 * The clerk the screens work for, where the screens read roles: the signed-in clerk, the same
 * clerk while locked (the screens stay mounted under the lock), none signed out or before a
 * forced password change (the session holds no role then).
 */
export function workingClerk(auth: AuthState): ClerkProfile | null {
  if (auth.status === 'signed_out') return null;
  if (auth.status === 'signed_in' && auth.mustChangePassword) return null;
  return { id: auth.clerk.id, fullName: auth.clerk.fullName, roles: auth.clerk.roles };
}

/** Takes a new sign-in state, from an answer or from `auth.changed` (another window of the desk). */
export function followAuth(auth: AuthState): void {
  const clerk = workingClerk(auth);
  const { windowClerkId, reloadWindow } = useAuthStore.getState();
  if (clerk && windowClerkId !== null && clerk.id !== windowClerkId) {
    reloadWindow();
    return;
  }
  useAuthStore.setState({ auth, loadError: null, windowClerkId: clerk?.id ?? windowClerkId });
  useShellStore.setState({ clerk });
}

export async function loadAuth(from: ViknoApi = api): Promise<void> {
  const result = await from.call('auth.state', {});
  if (result.ok) followAuth(result.value);
  else useAuthStore.setState({ loadError: result.error });
}

/** What a sign-in or unlock came to, for the form that sent it: done, refused (worded by the form), or failed. */
export type Attempt = { kind: 'done' } | { kind: 'refused'; refusal: Refusal } | { kind: 'failed'; error: ErrorBody };
export type Refusal = Extract<SignInResult, { outcome: 'refused' }>;

type Answer<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

function settle(result: Answer<SignInResult>): Attempt {
  if (!result.ok) return { kind: 'failed', error: result.error };
  if (result.value.outcome === 'refused') return { kind: 'refused', refusal: result.value };
  followAuth(result.value.state);
  return { kind: 'done' };
}

function settleState(result: Answer<AuthState>): ErrorBody | null {
  if (!result.ok) return result.error;
  followAuth(result.value);
  return null;
}

export async function signIn(login: string, secret: string): Promise<Attempt> {
  return settle(await api.call('auth.signIn', { login, secret }));
}

export async function unlock(secret: string): Promise<Attempt> {
  return settle(await api.call('auth.unlock', { secret }));
}

export async function changePassword(current: string, next: string): Promise<ErrorBody | null> {
  return settleState(await api.call('auth.changePassword', { current, next }));
}

export async function lock(): Promise<ErrorBody | null> {
  return settleState(await api.call('auth.lock', {}));
}

export async function signOut(): Promise<ErrorBody | null> {
  return settleState(await api.call('auth.signOut', {}));
}
