import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';
import { formatHash, parseHash, SCRYPT_MAX_MEMORY, SCRYPT_PARAMS } from '../../../shared/password-hash';

function derive(secret: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * A password or PIN in the stored form of shared/password-hash.ts. scrypt runs on libuv's
 * thread pool, so a sign-in does not stall the desk's other calls while it hashes.
 */
export async function hashSecret(secret: string): Promise<string> {
  const { N, r, p, keyLength, saltLength } = SCRYPT_PARAMS;
  const salt = randomBytes(saltLength);
  return stored(salt, await derive(secret, salt, keyLength, { N, r, p, maxmem: SCRYPT_MAX_MEMORY }));
}

/** The same, blocking: only for the first-start admin, hashed while the backend starts (before any call is served). */
export function hashSecretSync(secret: string): string {
  const { N, r, p, keyLength, saltLength } = SCRYPT_PARAMS;
  const salt = randomBytes(saltLength);
  return stored(salt, scryptSync(secret.normalize('NFC'), salt, keyLength, { N, r, p, maxmem: SCRYPT_MAX_MEMORY }));
}

function stored(salt: Buffer, key: Buffer): string {
  const { N, r, p } = SCRYPT_PARAMS;
  return formatHash({ N, r, p, salt: salt.toString('base64url'), hash: key.toString('base64url') });
}

/** A stored hash no one's secret matches: an unknown login still costs one scrypt, so timing does not tell it from a known one. */
let decoy: Promise<string> | null = null;

/**
 * Whether `secret` matches `stored`. A corrupt, foreign or missing stored value verifies nothing
 * (false, never a throw), and the comparison takes the same time wherever the bytes differ.
 */
export async function verifySecret(secret: string, stored: string | null): Promise<boolean> {
  const parsed = stored === null ? null : parseHash(stored);
  if (parsed === null) {
    decoy ??= hashSecret('decoy secret never used');
    await verifySecret(secret, await decoy);
    return false;
  }
  const expected = Buffer.from(parsed.hash, 'base64url');
  if (expected.length < 16) return false;
  let key: Buffer;
  try {
    key = await derive(secret, Buffer.from(parsed.salt, 'base64url'), expected.length, {
      N: parsed.N,
      r: parsed.r,
      p: parsed.p,
      maxmem: SCRYPT_MAX_MEMORY,
    });
  } catch {
    // Parameters scrypt refuses (N not a power of two, memory above the cap): a corrupt hash.
    return false;
  }
  return timingSafeEqual(key, expected);
}
