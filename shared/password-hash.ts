/**
 * The stored form of a password or PIN hash, the same on the back office (which makes them) and
 * on desks (which verify them offline): `scrypt$<N>$<r>$<p>$<salt>$<hash>`, salt and hash in
 * base64url. The parameters travel with the hash, so raising them later leaves old hashes valid.
 * Hashing itself is node:crypto's scrypt on each side (shared/ has no Node built-ins).
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;
/** scrypt's memory: 128 · N · r bytes; Node's default cap (32 MiB) is below what N = 2^15, r = 8 needs with its overhead. */
export const SCRYPT_MAX_MEMORY = 64 * 1024 * 1024;

export interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

export function formatHash(parts: ParsedHash): string {
  return `scrypt$${parts.N}$${parts.r}$${parts.p}$${parts.salt}$${parts.hash}`;
}

/** null for anything that is not a hash of this form (a corrupt or foreign value verifies nothing). */
export function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const [salt, hash] = parts.slice(4) as [string, string];
  const b64url = /^[A-Za-z0-9_-]+$/;
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || !b64url.test(salt) || !b64url.test(hash)) return null;
  if (N > 2 ** 20 || r > 32 || p > 16) return null;
  return { N, r, p, salt, hash };
}
