import { describe, expect, it } from 'vitest';
import { isValidRnokpp, rnokppBirthDate, rnokppCheckDigit, rnokppSex, validateRnokpp } from '../../../shared/validate';

describe('validateRnokpp', () => {
  it.each(['1759013776', '3652504575', '3068208400'])('accepts the public vector %s', (v) => {
    expect(validateRnokpp(v)).toEqual({ ok: true, value: v });
  });

  it.each([
    ['1759 013 776', 'spaces'],
    ['1759-013-776', 'dashes'],
    ['  1759013776\n', 'surrounding whitespace'],
    ['1759\u00A0013\u00A0776', 'no-break spaces'],
    ['1759.013.776', 'dots'],
    ['1759\u2013013\u2013776', 'en dashes'],
  ])('normalizes a pasted %s (%s)', (input) => {
    expect(validateRnokpp(input)).toEqual({ ok: true, value: '1759013776' });
  });

  it('rejects a wrong check digit (public vector 1759013770)', () => {
    expect(validateRnokpp('1759013770')).toEqual({ ok: false, code: 'rnokpp.checksum' });
  });

  it.each(['175901377O', 'abcdefghij', '17590137б6', '+1759013776'])('rejects letters and signs in %s', (v) => {
    expect(validateRnokpp(v)).toEqual({ ok: false, code: 'rnokpp.not_digits' });
  });

  it.each(['', '   ', '175901377', '17590137761'])('rejects the length of "%s"', (v) => {
    expect(validateRnokpp(v)).toEqual({ ok: false, code: 'rnokpp.length' });
  });

  it('keeps the earlier exports working', () => {
    expect(rnokppCheckDigit('175901377')).toBe(6);
    expect(isValidRnokpp('1759013776')).toBe(true);
    // The boolean form is for already-normalized digits.
    expect(isValidRnokpp('1759 013 776')).toBe(false);
  });

  it('reads the date of birth and the sex it encodes', () => {
    expect(rnokppBirthDate('1759013776')).toBe('1948-02-28');
    expect(rnokppSex('1759013776')).toBe('male');
    expect(rnokppBirthDate('0000100000')).toBe('1900-01-01');
    expect(rnokppSex('3068208400')).toBe('female');
  });
});
