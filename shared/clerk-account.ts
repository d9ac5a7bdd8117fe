/**
 * Clerk accounts as the back office owns them and desks pull them (entity `clerk`), and the
 * desk-signed session assertion that names the clerk behind each pushed mutation
 * (docs/ARCHITECTURE.md §9.2, docs/SYNC.md "Who made a change").
 */
import { z } from 'zod';
import { NewPassword, Secret } from './auth';
import { PlaceCode } from './place-code';
import { Role } from './roles';

/** A pulled `clerk` change's data. The hashes are shared/password-hash.ts strings: desks verify sign-ins offline. */
export const ClerkAccountData = z.object({
  id: z.string(),
  centerCode: PlaceCode,
  login: z.string(),
  fullName: z.string().min(1).max(200),
  roles: z.array(Role),
  /** The desks it may work at; null: every desk of the center. */
  desks: z.array(PlaceCode).nullable(),
  passwordHash: z.string(),
  pinHash: z.string().nullable(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
});
export type ClerkAccountData = z.infer<typeof ClerkAccountData>;

/**
 * A clerk's session on a desk, signed by that desk's Ed25519 key (registered at enrollment).
 * A push carries the assertions of the sessions its mutations name; the server checks the
 * signature, that the clerk is its center's, allowed at that desk, and not disabled.
 */
export const SessionAssertion = z
  .object({
    sessionId: z.uuid(),
    clerkId: z.string().min(1).max(100),
    /** The desk's clock at sign-in. */
    startedAt: z.string().min(1).max(40),
    /** Ed25519 over sessionAssertionText(…), base64. */
    signature: z.string().min(1).max(200),
  })
  .strict();
export type SessionAssertion = z.infer<typeof SessionAssertion>;

/** The exact bytes signed (UTF-8 of this text): the device id binds an assertion to the desk that made it. */
export function sessionAssertionText(deviceId: string, a: Pick<SessionAssertion, 'sessionId' | 'clerkId' | 'startedAt'>): string {
  return `vikno-session-v1\n${deviceId}\n${a.sessionId}\n${a.clerkId}\n${a.startedAt}`;
}

/** The desk's public key, registered once: at enrollment, or by a desk enrolled before keys existed. */
export const DeskKeyRequest = z.object({ publicKey: z.string().min(40).max(200) }).strict();

/**
 * A back-office account's clerk changes their own password at a desk (the forced change of a
 * temporary one, too): the desk sends it with its device token; the back office checks the
 * current password and publishes the account's next version, which every desk pulls.
 */
export const ClerkPasswordRequest = z.object({ clerkId: z.string().min(1).max(100), current: Secret, next: NewPassword }).strict();
export type ClerkPasswordRequest = z.infer<typeof ClerkPasswordRequest>;
