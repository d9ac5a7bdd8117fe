/**
 * A desk with a back office, brought to work as a center does it (issue 15, docs/ARCHITECTURE.md §9.2):
 * its first-start admin enrolls it, the clerk's account comes from the back office by pull, and
 * that clerk signs in. Tests of synced desks open them through this one helper.
 */
import { createEnrollmentCode } from '../../server/auth/enrollment';
import { createClerkAccount } from '../../server/clerks/accounts';
import type { Storage } from '../../server/storage/storage';
import type { AuthState } from '../../shared/auth';
import type { SyncStatus, ViknoApi } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import { signInAdmin, signInClerk, unwrap } from './sign-in';

/** A back-office account a test's desk works under. */
export interface DeskClerk {
  /** The account's id at the back office: the clerk id on the desk's records too. */
  id: string;
  login: string;
  password: string;
  fullName: string;
  roles: Role[];
}

/**
 * What the desk's one local clerk could do before sign-in: clerk and supervisor (the sync tests
 * resolve their own conflicts and dead letters).
 */
export const SYNCED_DESK_ROLES: readonly Role[] = ['clerk', 'supervisor'];

export interface EnrollAs {
  centerCode: string;
  deskCode: string;
  /** SYNCED_DESK_ROLES unless given. */
  roles?: readonly Role[];
  /** `clerk.<center>.<desk>` (lower case) unless given: one account per desk of a test's back office. */
  login?: string;
  fullName?: string;
}

/** The accounts made on each back office, by login: a desk enrolled again (or a second desk of one login) reuses its account. */
const made = new WeakMap<Storage, Map<string, DeskClerk>>();

async function accountFor(storage: Storage, as: EnrollAs): Promise<DeskClerk> {
  const login = as.login ?? `clerk.${as.centerCode}.${as.deskCode}`.toLowerCase();
  const accounts = made.get(storage) ?? new Map<string, DeskClerk>();
  made.set(storage, accounts);
  const wanted = {
    login,
    password: `${login}-pass-1`,
    fullName: as.fullName ?? `Клерк вікна ${as.deskCode}`,
    roles: [...(as.roles ?? SYNCED_DESK_ROLES)],
  };
  const known = accounts.get(login);
  if (known) {
    const { id: _id, ...was } = known;
    // A test asking for another name or other roles under a login already made would get the old ones silently.
    if (JSON.stringify(was) !== JSON.stringify(wanted)) throw new Error(`Account ${login} exists as ${JSON.stringify(was)}`);
    return known;
  }
  const { id } = await createClerkAccount(storage, { centerCode: as.centerCode, ...wanted, mustChangePassword: false });
  const clerk = { id, ...wanted };
  accounts.set(login, clerk);
  return clerk;
}

/**
 * The admin signs in (changing the first-start password) and enrolls the desk; the clerk's
 * account is made at the back office before, so the enrollment's first pull brings it; then
 * the clerk signs in. `status`: what the enrollment answered.
 */
export async function enrollAndSignIn(
  api: ViknoApi,
  storage: Storage,
  as: EnrollAs,
): Promise<{ clerk: DeskClerk; status: SyncStatus; state: AuthState }> {
  await signInAdmin(api);
  // The code first: the back office knows a center once a code was issued for one of its desks.
  const code = await createEnrollmentCode(storage, { centerCode: as.centerCode, deskCode: as.deskCode });
  const clerk = await accountFor(storage, as);
  const status = await unwrap(api.call('sync.enroll', { code }));
  const state = await signInClerk(api, clerk.login, clerk.password);
  return { clerk, status, state };
}
