import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Login, NewPassword, Pin } from '../../shared/auth';
import { ClerkAccountData } from '../../shared/clerk-account';
import { PlaceCode } from '../../shared/place-code';
import { Role } from '../../shared/roles';
import type { Sql, Storage } from '../storage/storage';
import { EntityStore } from '../sync/entity-store';
import { hashSecret } from './password';

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

/** Why an account change was refused: the admin route answers it as 400, 404 or 409 with this message. */
export class AccountError extends Error {
  constructor(
    readonly code: 'invalid_account' | 'unknown_center' | 'login_taken' | 'unknown_account',
    message: string,
  ) {
    super(message);
  }
}

/** An account as an admin lists it: never its hashes. */
export const ClerkAccountSummary = z.object({
  id: z.string(),
  centerCode: z.string(),
  login: z.string(),
  fullName: z.string(),
  roles: z.array(Role),
  desks: z.array(z.string()).nullable(),
  hasPin: z.boolean(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
});
export type ClerkAccountSummary = z.infer<typeof ClerkAccountSummary>;

/** An account named as the CLI and admin routes name it: its center and login. */
export const AccountRef = z.object({ centerCode: PlaceCode, login: Login }).strict();
export type AccountRef = z.infer<typeof AccountRef>;

const NewAccountInput = z
  .object({
    centerCode: PlaceCode,
    login: Login,
    fullName: z.string().trim().min(1).max(200),
    roles: z.array(Role).min(1, 'an account holds at least one role'),
    desks: z.array(PlaceCode).min(1, 'name at least one desk, or none for every desk').nullable().default(null),
    password: NewPassword,
    pin: Pin.nullable().default(null),
    mustChangePassword: z.boolean().default(true),
  })
  .strict();

function parsed<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.join('.') || 'account'}: ${issue.message}`);
  throw new AccountError('invalid_account', lines.join('; '));
}

/**
 * A center the back office knows: one it issued an enrollment code for. An account for a
 * mistyped center would sit where no desk ever pulls it.
 */
async function requireCenter(tx: Sql, centerCode: string): Promise<void> {
  const [known] = await tx.query<{ one: number }>('SELECT 1 AS one FROM enrollment_codes WHERE center_code = $1 LIMIT 1', [centerCode]);
  if (!known) throw new AccountError('unknown_center', `No center ${centerCode}: issue an enrollment code for one of its desks first`);
}

/** The next version of an account, written as every record is (its row, its history, a change its center's desks pull). */
async function publish(tx: Sql, data: ClerkAccountData, version: number, disabledAt: 'keep' | 'now' | 'clear'): Promise<void> {
  const store = new EntityStore(tx);
  store.save('clerk', { id: data.id, centerCode: data.centerCode, version, data: ClerkAccountData.parse(data) });
  store.keepStaged();
  await store.flush();
  if (disabledAt === 'now') await tx.query('UPDATE clerks SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL', [data.id]);
  if (disabledAt === 'clear') await tx.query('UPDATE clerks SET disabled_at = NULL WHERE id = $1', [data.id]);
}

async function loadAccount(tx: Sql, ref: AccountRef): Promise<{ data: ClerkAccountData; version: number }> {
  const [row] = await tx.query<{ id: string; version: number; data: unknown }>(
    "SELECT id, version, data FROM clerks WHERE center_code = $1 AND data->>'login' = $2 FOR UPDATE",
    [ref.centerCode, ref.login],
  );
  if (!row) throw new AccountError('unknown_account', `No account ${ref.login} in center ${ref.centerCode}`);
  return { data: ClerkAccountData.parse(row.data), version: Number(row.version) };
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === '23505';

/** Creates a clerk account of a center and publishes it to the center's desks (entity `clerk`). */
export async function createClerkAccount(storage: Storage, account: NewClerkAccount): Promise<{ id: string }> {
  const input = parsed(NewAccountInput, account);
  const [passwordHash, pinHash] = await Promise.all([hashSecret(input.password), input.pin === null ? null : hashSecret(input.pin)]);
  const taken = () => new AccountError('login_taken', `Center ${input.centerCode} already has an account ${input.login}`);
  try {
    return await storage.transaction(async (tx) => {
      await requireCenter(tx, input.centerCode);
      const [existing] = await tx.query<{ id: string }>("SELECT id FROM clerks WHERE center_code = $1 AND data->>'login' = $2", [
        input.centerCode,
        input.login,
      ]);
      if (existing) throw taken();
      const id = randomUUID();
      const { password: _password, pin: _pin, ...fields } = input;
      await publish(tx, { ...fields, id, passwordHash, pinHash, disabled: false }, 1, 'keep');
      return { id };
    });
  } catch (error) {
    // Two admins adding one login at once: the second meets the unique index (migration 0010).
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/** A new temporary password (and PIN, when given) the clerk must change at the next sign-in. */
export async function resetPassword(
  storage: Storage,
  ref: AccountRef,
  password: string,
  pin: string | null = null,
): Promise<{ id: string }> {
  const target = parsed(AccountRef, ref);
  const secrets = parsed(z.object({ password: NewPassword, pin: Pin.nullable() }), { password, pin });
  const [passwordHash, pinHash] = await Promise.all([hashSecret(secrets.password), secrets.pin === null ? null : hashSecret(secrets.pin)]);
  return storage.transaction(async (tx) => {
    const { data, version } = await loadAccount(tx, target);
    await publish(tx, { ...data, passwordHash, pinHash: pinHash ?? data.pinHash, mustChangePassword: true }, version + 1, 'keep');
    return { id: data.id };
  });
}

/**
 * Disables an account (a clerk who left: desks refuse their sign-in, and the back office refuses
 * mutations from sessions started after it) or enables it again. Doing what is already so
 * publishes nothing.
 */
export async function setDisabled(storage: Storage, ref: AccountRef, disabled: boolean): Promise<{ id: string; changed: boolean }> {
  const target = parsed(AccountRef, ref);
  return storage.transaction(async (tx) => {
    const { data, version } = await loadAccount(tx, target);
    if (data.disabled === disabled) return { id: data.id, changed: false };
    await publish(tx, { ...data, disabled }, version + 1, disabled ? 'now' : 'clear');
    return { id: data.id, changed: true };
  });
}

/** A center's accounts by login, without their hashes. */
export async function listClerkAccounts(storage: Storage, centerCode: string): Promise<ClerkAccountSummary[]> {
  const center = parsed(PlaceCode, centerCode);
  const rows = await storage.query<{ data: unknown }>(
    "SELECT data FROM clerks WHERE center_code = $1 AND data ? 'login' ORDER BY data->>'login'",
    [center],
  );
  return rows.map((row) => {
    const { passwordHash: _password, pinHash, ...rest } = ClerkAccountData.parse(row.data);
    return { ...rest, hasPin: pinHash !== null };
  });
}
