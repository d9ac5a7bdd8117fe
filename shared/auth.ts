/**
 * Clerk sign-in as the renderer and the backend exchange it (docs/ARCHITECTURE.md §9.2): the
 * desk-wide state (one clerk works at a desk at a time), sign-in refusals as data (the renderer
 * words them), and the accounts an admin manages on a standalone desk.
 */
import { z } from 'zod';
import { PlaceCode } from './place-code';
import { Role } from './roles';

/** A login: lower-case Latin letters, digits, dot, dash, underscore (typed the same on every keyboard layout). */
export const Login = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'a login is 3–40 Latin letters, digits, dots, dashes or underscores');
export const PASSWORD_MIN_LENGTH = 8;
export const NewPassword = z.string().min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`).max(200);
/** A numeric PIN, where the center allows one (desk config `accounts.pinAllowed`). */
export const Pin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4–8 digits');
/** What a clerk types to sign in or unlock: the password, or the PIN where allowed. */
export const Secret = z.string().min(1).max(200);

/** The account every desk makes at its first start; its password must be changed at the first sign-in (docs/IT.md). */
export const INITIAL_ADMIN = { login: 'admin', password: 'admin', fullName: 'Адміністратор' } as const;

export const SignedInClerk = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  roles: z.array(Role),
});
export type SignedInClerk = z.infer<typeof SignedInClerk>;

/**
 * The desk's sign-in state, the same for every window of the desk. `mustChangePassword`: the
 * session holds no role until the password is changed. `locked`: the clerk's screen stays as it
 * was behind the lock; only that clerk's secret unlocks it (another clerk signing in switches).
 */
export const AuthState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_out'), pinAllowed: z.boolean() }),
  z.object({
    status: z.literal('signed_in'),
    clerk: SignedInClerk,
    mustChangePassword: z.boolean(),
    /** Minutes without a key or pointer event before the renderer locks the app; 0 never. */
    idleLockMinutes: z.number().int().min(0),
    pinAllowed: z.boolean(),
  }),
  z.object({ status: z.literal('locked'), clerk: SignedInClerk, pinAllowed: z.boolean() }),
]);
export type AuthState = z.infer<typeof AuthState>;

/**
 * Why a sign-in or unlock was refused. `wrong_secret` also covers an unknown login (no one
 * learns which logins exist); `locked_out`: too many failures, try again at `until`.
 */
export const SignInRefusal = z.enum(['wrong_secret', 'locked_out', 'disabled', 'not_on_this_desk', 'pin_not_allowed']);
export type SignInRefusal = z.infer<typeof SignInRefusal>;

export const SignInResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('signed_in'), state: AuthState }),
  z.object({
    outcome: z.literal('refused'),
    reason: SignInRefusal,
    /** When a locked-out login may try again. */
    until: z.string().nullable(),
    /** Failures left before a lockout; null when not counted (locked out, disabled). */
    attemptsLeft: z.number().int().min(0).nullable(),
  }),
]);
export type SignInResult = z.infer<typeof SignInResult>;

export const SignIn = z.object({ login: Login, secret: Secret }).strict();
export const Unlock = z.object({ secret: Secret }).strict();
export const ChangePassword = z.object({ current: Secret, next: NewPassword }).strict();

/** An account as an admin sees it: never its hashes. `source`: made on this desk, or pulled from the back office (read-only here). */
export const AccountView = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  roles: z.array(Role),
  /** The desks it may work at; null: every desk of the center. */
  desks: z.array(PlaceCode).nullable(),
  hasPin: z.boolean(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Set while the account is locked out after failed sign-ins. */
  lockedUntil: z.string().nullable(),
  source: z.enum(['desk', 'back_office']),
});
export type AccountView = z.infer<typeof AccountView>;

/** Create (no id) or edit an account made on this desk; a new account gets `password` as a temporary one to change at first sign-in. */
export const SaveAccount = z
  .object({
    id: z.string().optional(),
    login: Login,
    fullName: z.string().trim().min(1).max(200),
    roles: z.array(Role).min(1),
    desks: z.array(PlaceCode).nullable(),
    password: NewPassword.optional(),
    pin: Pin.nullable().optional(),
  })
  .strict();
export type SaveAccount = z.infer<typeof SaveAccount>;
