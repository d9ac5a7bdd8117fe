import { methods } from '../../../../shared/contract';
import type { MethodName } from '../../../../shared/contract';
import type { Role } from '../../../../shared/roles';
import { useShellStore } from '../../app/shell-store';

/**
 * Whether the clerk's roles let them call a method: the contract's role per method is the rule
 * the backend enforces, so the screens hide by the same rule and never disagree with it.
 */
export function mayCall(roles: readonly Role[], method: MethodName): boolean {
  const needed = methods[method].role;
  return needed === 'public' || roles.includes(needed);
}

/** The working clerk may call `method` (false while nobody is signed in). */
export function useMayCall(method: MethodName): boolean {
  return useShellStore((state) => (state.clerk ? mayCall(state.clerk.roles, method) : false));
}
