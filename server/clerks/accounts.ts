import type { Role } from '../../shared/roles';
import type { Storage } from '../storage/storage';

export interface NewClerkAccount {
  centerCode: string;
  login: string;
  fullName: string;
  roles: Role[];
  /** null or absent: every desk of the center. */
  desks?: string[] | null;
  /** A temporary password the clerk changes at first sign-in unless `mustChangePassword: false`. */
  password: string;
  pin?: string | null;
  mustChangePassword?: boolean;
}

/**
 * Creates a clerk account of a center and publishes it to the center's desks (entity `clerk`).
 * BASE STUB: replaced by the server-auth work; the signature is fixed (tests and the CLI call it).
 */
export async function createClerkAccount(_storage: Storage, _account: NewClerkAccount): Promise<{ id: string }> {
  throw new Error('createClerkAccount is being built (issue 15)');
}
