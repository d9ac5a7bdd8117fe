import { describe, expect, it } from 'vitest';
import { validateEdrpou } from '../../../shared/validate';

/**
 * The ЄДРПОУ check digit's second pass (weights raised by 2 when the first remainder is 10) and
 * its "remainder 10 again means 0": the public vectors in edrpou.test.ts never reach it, and the
 * mutation run showed nothing covered it. The sums are worked by hand here, not by the code.
 */
describe('ЄДРПОУ codes whose first remainder is 10', () => {
  it('0007919: 1..7 weights give 142 mod 11 = 10; 3..9 give 194 mod 11 = 7', () => {
    expect(validateEdrpou('00079197')).toEqual({ ok: true, value: '00079197' });
    expect(validateEdrpou('00079190')).toEqual({ ok: false, code: 'edrpou.checksum' });
  });

  it('3341818 (the 7,1,2,… weights): 120 mod 11 = 10; 9,3,4,… give 176 mod 11 = 0', () => {
    expect(validateEdrpou('33418180')).toEqual({ ok: true, value: '33418180' });
  });

  it('0001768: 131 mod 11 = 10, then 175 mod 11 = 10 again, so the check digit is 0', () => {
    expect(validateEdrpou('00017680')).toEqual({ ok: true, value: '00017680' });
    expect(validateEdrpou('00017681')).toEqual({ ok: false, code: 'edrpou.checksum' });
  });
});
