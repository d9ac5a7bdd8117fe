import { describe, expect, it } from 'vitest';
import { hashSecret, hashSecretSync, verifySecret } from '../../../main/backend/auth/password';
import { parseHash, SCRYPT_PARAMS } from '../../../shared/password-hash';

describe('password hashes', () => {
  it('a hash verifies its own secret and no other, and two hashes of one secret differ (salted)', async () => {
    const stored = await hashSecret('correct horse');
    expect(parseHash(stored)).toMatchObject({ N: SCRYPT_PARAMS.N, r: SCRYPT_PARAMS.r, p: SCRYPT_PARAMS.p });
    expect(await verifySecret('correct horse', stored)).toBe(true);
    expect(await verifySecret('correct horsE', stored)).toBe(false);
    expect(await verifySecret('', stored)).toBe(false);
    expect(await hashSecret('correct horse')).not.toBe(stored);
  });

  it('the blocking form (first-start admin) verifies the same way', async () => {
    const stored = hashSecretSync('admin');
    expect(await verifySecret('admin', stored)).toBe(true);
    expect(await verifySecret('Admin', stored)).toBe(false);
  });

  it('the secret is compared as one Unicode form: a composed and a decomposed й are the same letter', async () => {
    const stored = await hashSecret('пароль-й');
    expect(await verifySecret('пароль-и\u0306', stored)).toBe(true);
  });

  it('a corrupt, foreign or missing stored hash verifies nothing and never throws', async () => {
    const good = await hashSecret('secret-1');
    const [, N, r, p, salt, hash] = good.split('$');
    const corrupt = [
      '',
      'secret-1',
      `bcrypt$${N}$${r}$${p}$${salt}$${hash}`,
      `scrypt$${N}$${r}$${p}$${salt}`,
      `scrypt$${N}$${r}$${p}$${salt}$${hash}$extra`,
      `scrypt$1000$${r}$${p}$${salt}$${hash}`, // N not a power of two: scrypt refuses it
      `scrypt$${2 ** 30}$${r}$${p}$${salt}$${hash}`, // beyond the parameters a desk accepts
      `scrypt$${N}$${r}$${p}$${salt}$${hash!.slice(0, 8)}`, // a truncated hash
      `scrypt$${N}$${r}$${p}$${salt}$${hash!.slice(0, -2)}AA`, // one changed byte
      `scrypt$${N}$${r}$${p}$!!!$${hash}`,
    ];
    for (const stored of corrupt) expect(await verifySecret('secret-1', stored), stored).toBe(false);
    expect(await verifySecret('secret-1', null)).toBe(false);
  });
});
