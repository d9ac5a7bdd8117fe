import { describe, expect, it } from 'vitest';
import { validateIdCardNumber } from '../../../shared/validate';

describe('validateIdCardNumber', () => {
  it.each([
    ['001234567', '001234567'],
    ['001 234 567', '001234567'],
    ['№ 001-234-567', '001234567'],
    [' 123456789 ', '123456789'],
  ])('accepts "%s" as %s', (input, value) => {
    expect(validateIdCardNumber(input)).toEqual({ ok: true, value });
  });

  it.each(['00123456A', 'АК123456', 'O01234567'])('rejects letters in %s', (v) => {
    expect(validateIdCardNumber(v)).toEqual({ ok: false, code: 'id_card.not_digits' });
  });

  it.each(['', '12345678', '1234567890'])('rejects the length of "%s"', (v) => {
    expect(validateIdCardNumber(v)).toEqual({ ok: false, code: 'id_card.length' });
  });
});
