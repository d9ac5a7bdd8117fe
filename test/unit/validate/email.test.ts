import { describe, expect, it } from 'vitest';
import { validateEmail } from '../../../shared/validate';

describe('validateEmail', () => {
  it.each([
    ['name@example.ua', 'name@example.ua'],
    ['  Ivan.Petrenko@Example.COM.UA ', 'Ivan.Petrenko@example.com.ua'],
    ['o+tag@sub-domain.gov.ua', 'o+tag@sub-domain.gov.ua'],
    ['олена@пошта.укр', 'олена@пошта.укр'],
    ['user@ПОШТА.УКР', 'user@пошта.укр'],
  ])('accepts "%s" as %s', (input, value) => {
    expect(validateEmail(input)).toEqual({ ok: true, value });
  });

  it.each([
    '',
    'name',
    'name.example.ua',
    'name@',
    '@example.ua',
    'name@example',
    'name@@example.ua',
    'a@b@example.ua',
    'na me@example.ua',
    'name@exa mple.ua',
    '.name@example.ua',
    'name.@example.ua',
    'na..me@example.ua',
    'name@example..ua',
    'name@.example.ua',
    'name@example.ua.',
    'name@-example.ua',
    'name@example-.ua',
  ])('rejects the format of "%s"', (v) => {
    expect(validateEmail(v)).toEqual({ ok: false, code: 'email.format' });
  });

  it('rejects more than 254 characters, and not 254', () => {
    const at254 = `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(6)}`;
    expect(at254).toHaveLength(254);
    expect(validateEmail(at254)).toEqual({ ok: true, value: at254 });
    expect(validateEmail(`x${at254}`)).toEqual({ ok: false, code: 'email.length' });
  });
});
