import { describe, expect, it } from 'vitest';
import { unzrBirthDate, validateUnzr } from '../../../shared/validate';

/** The rule of the domain notes, written out again here so the test does not trust the code under test. */
function mrzCheckDigit(first12: string): number {
  const weights = [7, 3, 1];
  return [...first12].reduce((sum, ch, i) => sum + Number(ch) * weights[i % 3]!, 0) % 10;
}

const FIRST12 = '198507140123';
const CHECK = mrzCheckDigit(FIRST12);
const CORRECT = `19850714-0123${CHECK}`;
const WRONG = `19850714-0123${(CHECK + 1) % 10}`;

describe('validateUnzr', () => {
  it('accepts a correct check digit without a warning', () => {
    expect(validateUnzr(CORRECT)).toEqual({ ok: true, value: CORRECT });
  });

  it('keeps a wrong check digit but warns', () => {
    expect(validateUnzr(WRONG)).toEqual({ ok: true, value: WRONG, warnings: ['unzr.checksum'] });
  });

  it.each([
    [`${FIRST12}${CHECK}`, 'without the dash'],
    [` 1985 07 14 - 0123${CHECK} `, 'with spaces'],
    [`1985-07-14-0123${CHECK}`, 'with the date dashed'],
    [`19850714\u20130123${CHECK}`, 'with an en dash'],
  ])('normalizes %s (%s)', (input) => {
    expect(validateUnzr(input)).toEqual({ ok: true, value: CORRECT });
  });

  it.each(['', '19850714-0123', '19850714-012345', '1985071-40123X', 'УНЗР19850714', '19850714-O1234'])(
    'rejects the format of "%s"',
    (v) => {
      expect(validateUnzr(v)).toEqual({ ok: false, code: 'unzr.format' });
    },
  );

  it.each(['20230229-00011', '19851314-00011', '19850700-00011', '00000101-00011', '18991231-00011'])(
    'rejects %s, whose date part is no date of birth',
    (v) => {
      expect(validateUnzr(v)).toEqual({ ok: false, code: 'unzr.date' });
    },
  );

  it('reads the date of birth', () => {
    expect(unzrBirthDate(CORRECT)).toBe('1985-07-14');
    expect(unzrBirthDate('20240229-00011')).toBe('2024-02-29');
  });

  it('takes 1900, the first year on the register, as a birth year', () => {
    expect(unzrBirthDate('19000101-00011')).toBe('1900-01-01');
  });
});
