import { randomBytes, randomInt, scrypt } from 'node:crypto';
import { formatHash, SCRYPT_MAX_MEMORY, SCRYPT_PARAMS } from '../../shared/password-hash';

/** A password or PIN in the stored form desks verify offline (shared/password-hash.ts). */
export async function hashSecret(secret: string): Promise<string> {
  const { N, r, p, keyLength, saltLength } = SCRYPT_PARAMS;
  const salt = randomBytes(saltLength);
  const hash = await new Promise<Buffer>((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, keyLength, { N, r, p, maxmem: SCRYPT_MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
  return formatHash({ N, r, p, salt: salt.toString('base64url'), hash: hash.toString('base64url') });
}

/** Letters and digits nobody misreads when the temporary password is read out or copied from a screen. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password to hand a clerk once; they change it at the first sign-in. */
export function temporaryPassword(length = 12): string {
  return Array.from({ length }, () => ALPHABET.charAt(randomInt(ALPHABET.length))).join('');
}

/** A temporary six-digit PIN. */
export function temporaryPin(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}
