import { describe, expect, it } from 'vitest';
import { validatePhone } from '../../../shared/validate';

describe('validatePhone', () => {
  it.each([
    ['+380671234567', 'international'],
    ['380671234567', 'without the plus'],
    ['0671234567', 'national'],
    ['+380 67 123 45 67', 'international with spaces'],
    ['+38 (067) 123-45-67', 'as printed on forms'],
    ['(067) 123-45-67', 'national with parentheses'],
    ['067.123.45.67', 'with dots'],
    ['38-067-123-45-67', 'dashed without the plus'],
    [' 067\u00A0123\u00A04567 ', 'with no-break spaces'],
  ])('normalizes %s (%s)', (input) => {
    expect(validatePhone(input)).toEqual({ ok: true, value: '+380671234567' });
  });

  it('accepts a landline with its area code', () => {
    expect(validatePhone('044 234 56 78')).toEqual({ ok: true, value: '+380442345678' });
  });

  it.each(['+38067123456', '067123456', '06712345678', '3806712345678', '+3806712345678', '0'])('rejects the length of %s', (v) => {
    expect(validatePhone(v)).toEqual({ ok: false, code: 'phone.length' });
  });

  it.each([
    '',
    '+48 512 345 678',
    '671234567',
    '8 067 123 45 67',
    '067 123 45 6x',
    '+380+671234567',
    '+380 067 123 456',
    '0012345678',
    'тел. 0671234567',
  ])('rejects the format of "%s"', (v) => {
    expect(validatePhone(v)).toEqual({ ok: false, code: 'phone.format' });
  });
});
