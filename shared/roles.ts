import { z } from 'zod';

/**
 * Who may call a method. `public` needs no session (the shell's own calls); the others need a
 * signed-in clerk holding that role.
 */
export const ROLES = ['clerk', 'supervisor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export type MethodAccess = Role | 'public';

export interface Session {
  clerkId: string;
  roles: readonly Role[];
}
