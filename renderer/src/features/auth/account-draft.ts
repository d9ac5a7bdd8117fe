import { Login, NewPassword, Pin } from '../../../../shared/auth';
import type { AccountView, SaveAccount } from '../../../../shared/auth';
import { PlaceCode } from '../../../../shared/place-code';
import type { Role } from '../../../../shared/roles';

/** The account form as typed: desks as one comma-separated line, PIN empty for none. */
export interface AccountDraft {
  id?: string;
  login: string;
  fullName: string;
  roles: Role[];
  desks: string;
  password: string;
  pin: string;
}

export type AccountField = 'login' | 'fullName' | 'roles' | 'desks' | 'password' | 'pin';
export type AccountProblems = Partial<Record<AccountField, string | true>>;

export const NEW_ACCOUNT: AccountDraft = { login: '', fullName: '', roles: ['clerk'], desks: '', password: '', pin: '' };

export function draftOf(account: AccountView): AccountDraft {
  return {
    id: account.id,
    login: account.login,
    fullName: account.fullName,
    roles: [...account.roles],
    desks: account.desks?.join(', ') ?? '',
    password: '',
    pin: '',
  };
}

function deskCodes(line: string): string[] {
  return line
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
}

/**
 * The form's problems, by field, checked by the contract's own schemas (a desk code that is not
 * one names itself). A new account needs its temporary password; an edit keeps the password.
 * `pin` counts only where the center allows PINs; an edit's empty PIN keeps the one it has.
 */
export function accountProblems(draft: AccountDraft, pinAllowed: boolean): AccountProblems {
  const problems: AccountProblems = {};
  if (!Login.safeParse(draft.login).success) problems.login = true;
  if (draft.fullName.trim() === '') problems.fullName = true;
  if (draft.roles.length === 0) problems.roles = true;
  const wrongDesk = deskCodes(draft.desks).find((code) => !PlaceCode.safeParse(code).success);
  if (wrongDesk !== undefined) problems.desks = wrongDesk;
  if (draft.id === undefined && !NewPassword.safeParse(draft.password).success) problems.password = true;
  if (pinAllowed && draft.pin !== '' && !Pin.safeParse(draft.pin).success) problems.pin = true;
  return problems;
}

/** What `accounts.save` is sent for a draft without problems. */
export function saveInput(draft: AccountDraft, pinAllowed: boolean): SaveAccount {
  const desks = deskCodes(draft.desks);
  return {
    ...(draft.id === undefined ? { password: draft.password } : { id: draft.id }),
    login: Login.parse(draft.login),
    fullName: draft.fullName.trim(),
    roles: draft.roles,
    desks: desks.length === 0 ? null : desks,
    ...(pinAllowed && draft.pin !== '' ? { pin: draft.pin } : {}),
  };
}
