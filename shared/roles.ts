import { z } from 'zod';

/**
 * Who may call a method. `public` needs no session (the shell's own calls); the others need a
 * signed-in clerk holding that role. `provider` is the provider's staff (суб'єкт надання послуги):
 * the one who decides a case (docs/ARCHITECTURE.md §6.1); a desk's account holds it only on a
 * standalone desk, where the center records the provider's paper decision itself.
 */
export const ROLES = ['clerk', 'supervisor', 'admin', 'provider'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export type MethodAccess = Role | 'public';

export interface Session {
  clerkId: string;
  roles: readonly Role[];
  /** The sign-in session (clerk_sessions) the call is made in: the outbox stamps it on each mutation for the back office to verify. */
  sessionId?: string;
}
