import { scrypt, timingSafeEqual } from 'node:crypto';
import { ClerkAccountData } from '../../shared/clerk-account';
import type { ClerkPasswordRequest } from '../../shared/clerk-account';
import { parseHash, SCRYPT_MAX_MEMORY } from '../../shared/password-hash';
import type { Storage } from '../storage/storage';
import { EntityStore } from '../sync/entity-store';
import { hashSecret } from './password';

/** Whether `secret` is the one `stored` was made from; a corrupt stored hash matches nothing. */
async function matches(secret: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hash, 'base64url');
  const { N, r, p } = parsed;
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      secret.normalize('NFC'),
      Buffer.from(parsed.salt, 'base64url'),
      expected.length,
      { N, r, p, maxmem: SCRYPT_MAX_MEMORY },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export type OwnPasswordOutcome = 'changed' | 'unknown_clerk' | 'wrong_password' | 'same_password' | 'disabled';

/**
 * A clerk's own password change, asked by a desk of the clerk's center: the current password must
 * match the account's; the next version (must-change cleared) goes to every desk of the center.
 */
export async function changeOwnPassword(storage: Storage, centerCode: string, request: ClerkPasswordRequest): Promise<OwnPasswordOutcome> {
  if (request.next === request.current) return 'same_password';
  const nextHash = await hashSecret(request.next);
  return storage.transaction(async (tx) => {
    const [row] = await tx.query<{ version: number; data: unknown }>(
      'SELECT version, data FROM clerks WHERE id = $1 AND center_code = $2 FOR UPDATE',
      [request.clerkId, centerCode],
    );
    if (!row) return 'unknown_clerk';
    const data = ClerkAccountData.parse(row.data);
    if (data.disabled) return 'disabled';
    if (!(await matches(request.current, data.passwordHash))) return 'wrong_password';
    const store = new EntityStore(tx);
    const next: ClerkAccountData = { ...data, passwordHash: nextHash, mustChangePassword: false };
    store.save('clerk', { id: data.id, centerCode, version: Number(row.version) + 1, data: next });
    store.keepStaged();
    await store.flush();
    return 'changed';
  });
}
