import { createHash, randomBytes } from 'node:crypto';

/** Codes and tokens are stored only as SHA-256: a leaked database enrolls no desk. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** 32 random bytes: a device token. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * 24 characters from 32 unambiguous letters and digits (120 bits, uniform since 256 is a
 * multiple of 32), grouped by four to be typed at a desk: XXXX-XXXX-….
 */
export function newEnrollmentCode(): string {
  const chars = [...randomBytes(24)].map((b) => CODE_ALPHABET.charAt(b % CODE_ALPHABET.length));
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += 4) groups.push(chars.slice(i, i + 4).join(''));
  return groups.join('-');
}
