/**
 * A stand-in for the desk backend behind the renderer's `api`, scripted per test: the sign-in
 * screens are tested against the answers the contract allows (refusals, lockouts, a state per
 * role), which a real desk gives only after a sequence of calls. Each call is recorded; a method
 * with no script never answers, as a backend still working would not.
 */
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, ViknoApi } from '../../../../shared/contract';
import type { Envelope } from '../../../../shared/errors';
import type { AuthState, SignedInClerk } from '../../../../shared/auth';
import type { Role } from '../../../../shared/roles';

type Script = (input: unknown) => Envelope<unknown> | Promise<Envelope<unknown>>;

const scripts = new Map<string, Script>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
export const calls: { method: MethodName; input: unknown }[] = [];

export const scriptedApi: ViknoApi = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Envelope<MethodOutput<M>>> {
    calls.push({ method, input });
    const script = scripts.get(method);
    if (!script) return new Promise(() => {});
    return Promise.resolve(script(input)) as Promise<Envelope<MethodOutput<M>>>;
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener as (payload: unknown) => void);
    return () => set.delete(listener as (payload: unknown) => void);
  },
};

/** `method` answers with what `answer` returns for its input from now on. */
export function script<M extends MethodName>(method: M, answer: (input: MethodInput<M>) => Envelope<MethodOutput<M>>): void {
  scripts.set(method, answer as Script);
}

export function answers<M extends MethodName>(method: M, value: MethodOutput<M>): void {
  script(method, () => ({ ok: true, value }));
}

export function callsOf(method: MethodName): unknown[] {
  return calls.filter((call) => call.method === method).map((call) => call.input);
}

export function resetScripts(): void {
  scripts.clear();
  listeners.clear();
  calls.length = 0;
}

export function clerkWith(roles: Role[], fullName = 'Коваль Олена Петрівна'): SignedInClerk {
  return { id: 'clerk-koval', login: 'koval', fullName, roles };
}

export function signedIn(roles: Role[], more: Partial<Extract<AuthState, { status: 'signed_in' }>> = {}): AuthState {
  return { status: 'signed_in', clerk: clerkWith(roles), mustChangePassword: false, idleLockMinutes: 10, pinAllowed: false, ...more };
}
