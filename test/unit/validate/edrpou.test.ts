import { describe, expect, it } from 'vitest';
import { edrpouCheckDigit, isValidEdrpou, validateEdrpou } from '../../../shared/validate';

describe('validateEdrpou', () => {
  it.each(['32855961', '14360570', '00032129'])('accepts the public vector %s', (v) => {
    expect(validateEdrpou(v)).toEqual({ ok: true, value: v });
  });

  it.each([' 32855961 ', '3285 5961', '32-85-59-61', '\u00A032855961'])('normalizes the pasted "%s"', (v) => {
    expect(validateEdrpou(v)).toEqual({ ok: true, value: '32855961' });
  });

  it('rejects a wrong check digit (public vector 32855968)', () => {
    expect(validateEdrpou('32855968')).toEqual({ ok: false, code: 'edrpou.checksum' });
  });

  it.each(['3285596a', 'ЄДРПОУ32855961', 'OO032129'])('rejects letters in %s', (v) => {
    expect(validateEdrpou(v)).toEqual({ ok: false, code: 'edrpou.not_digits' });
  });

  it.each(['', '3285596', '328559611', '1759013776'])('rejects the length of "%s"', (v) => {
    expect(validateEdrpou(v)).toEqual({ ok: false, code: 'edrpou.length' });
  });

  it('keeps the earlier exports working', () => {
    expect(edrpouCheckDigit('3285596')).toBe(1);
    expect(isValidEdrpou('00032129')).toBe(true);
    expect(isValidEdrpou(' 32855961 ')).toBe(false);
  });
});
