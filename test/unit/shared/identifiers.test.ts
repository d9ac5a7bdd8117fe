import { describe, expect, it } from 'vitest';
import { isValidEdrpou } from '../../../shared/validate/edrpou';
import { isValidRnokpp } from '../../../shared/validate/rnokpp';

describe('check digits (public vectors from the domain notes)', () => {
  it.each(['1759013776', '3652504575', '3068208400'])('РНОКПП %s is valid', (v) => expect(isValidRnokpp(v)).toBe(true));
  it.each(['1759013770', '175901377', '17590137761', 'abcdefghij'])('РНОКПП %s is not', (v) => expect(isValidRnokpp(v)).toBe(false));
  it.each(['32855961', '14360570', '00032129'])('ЄДРПОУ %s is valid', (v) => expect(isValidEdrpou(v)).toBe(true));
  it.each(['32855968', '3285596', '3285596a'])('ЄДРПОУ %s is not', (v) => expect(isValidEdrpou(v)).toBe(false));
});
