import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSealed, openSecret, sealSecret, SecretUnreadable } from '../../../main/backend/config/secret-box';

const key = randomBytes(32);
const keys = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes));

/** The sealed form with one field replaced. */
function withField(sealed: string, index: number, value: string): string {
  const fields = sealed.split(':');
  fields[index] = value;
  return fields.join(':');
}

describe('sealing a secret (AES-256-GCM, v1)', () => {
  it('opens to what was sealed, for any text and any key, and never shows the text', () => {
    fc.assert(
      fc.property(keys, fc.string({ unit: 'grapheme', maxLength: 200 }), (k, clear) => {
        const sealed = sealSecret(k, clear);
        expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$/);
        expect(isSealed(sealed)).toBe(true);
        expect(openSecret(k, sealed)).toBe(clear);
      }),
    );
  });

  it('seals the same text differently each time (a fresh IV)', () => {
    expect(sealSecret(key, 'token-7')).not.toBe(sealSecret(key, 'token-7'));
  });

  it('refuses any altered byte of the IV, tag or ciphertext', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), fc.integer({ min: 1, max: 3 }), fc.nat(), (clear, index, at) => {
        const sealed = sealSecret(key, clear);
        const bytes = Buffer.from(sealed.split(':')[index] ?? '', 'base64');
        const i = at % bytes.length;
        bytes[i] = (bytes[i] ?? 0) ^ 0x01;
        expect(() => openSecret(key, withField(sealed, index, bytes.toString('base64')))).toThrow(SecretUnreadable);
      }),
    );
  });

  it('refuses another key', () => {
    fc.assert(
      fc.property(keys, (other) => {
        fc.pre(!other.equals(key));
        expect(() => openSecret(other, sealSecret(key, 'token-7'))).toThrow(/does not open with this device key/);
      }),
    );
  });

  it.each([
    ['a clear token', 'Xb3kP0qL9z_-abc'],
    ['another version', 'v2:AAAA:AAAA:AAAA'],
    ['missing fields', 'v1:AAAA:AAAA'],
    ['a field not base64', 'v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:@@@'],
    ['a short IV', 'v1:AAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA'],
  ])('refuses %s as a sealed secret', (_, stored) => {
    expect(() => openSecret(key, stored)).toThrow(SecretUnreadable);
  });

  it('tells a token kept in the clear (base64url) from a sealed one', () => {
    fc.assert(
      fc.property(fc.base64String(), (token) => {
        expect(isSealed(token.replace(/[+/=]/g, '_'))).toBe(false);
      }),
    );
  });

  it('takes only a 32-byte key', () => {
    expect(() => sealSecret(randomBytes(16), 'x')).toThrow(RangeError);
    expect(() => openSecret(randomBytes(31), sealSecret(key, 'x'))).toThrow(RangeError);
  });
});
