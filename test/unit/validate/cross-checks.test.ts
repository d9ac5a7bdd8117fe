import { describe, expect, it } from 'vitest';
import { crossCheckPerson, unzrCheckDigit } from '../../../shared/validate';

/** Public vector: born 1948-02-28, male. */
const RNOKPP = '1759013776';
const unzrFor = (yyyymmdd: string) => `${yyyymmdd}-0001${unzrCheckDigit(`${yyyymmdd}0001`)}`;
const UNZR = unzrFor('19480228');

describe('crossCheckPerson', () => {
  it('finds nothing when everything agrees', () => {
    expect(crossCheckPerson({ rnokpp: RNOKPP, unzr: UNZR, birthDate: '1948-02-28', sex: 'male' })).toEqual([]);
  });

  it('compares the values as normalized, not as typed', () => {
    expect(crossCheckPerson({ rnokpp: '1759 013 776', unzr: UNZR.replace('-', ''), birthDate: '28.02.1948', sex: 'male' })).toEqual([]);
  });

  it('warns when the РНОКПП date differs from the entered one', () => {
    expect(crossCheckPerson({ rnokpp: RNOKPP, birthDate: '1948-02-30' })).toEqual([]); // not a day: its own error
    expect(crossCheckPerson({ rnokpp: RNOKPP, birthDate: '1948-02-27' })).toEqual(['cross.rnokpp_birth_date']);
  });

  it('warns when the РНОКПП sex differs from the entered one', () => {
    expect(crossCheckPerson({ rnokpp: RNOKPP, sex: 'female' })).toEqual(['cross.rnokpp_sex']);
    expect(crossCheckPerson({ rnokpp: '3068208400', sex: 'female' })).toEqual([]);
    expect(crossCheckPerson({ rnokpp: '3068208400', sex: 'male' })).toEqual(['cross.rnokpp_sex']);
  });

  it('warns when the УНЗР date differs from the entered one', () => {
    expect(crossCheckPerson({ unzr: UNZR, birthDate: '1948-02-28' })).toEqual([]);
    expect(crossCheckPerson({ unzr: unzrFor('19480229'), birthDate: '1948-02-28' })).toEqual(['cross.unzr_birth_date']);
  });

  it('uses a УНЗР whose check digit is off (that is only a warning of its own)', () => {
    const offByCheck = `${UNZR.slice(0, -1)}${(Number(UNZR.at(-1)) + 1) % 10}`;
    expect(crossCheckPerson({ unzr: offByCheck, birthDate: '1949-01-01' })).toEqual(['cross.unzr_birth_date']);
  });

  it('compares the РНОКПП with the УНЗР only while no date is entered', () => {
    const other = unzrFor('19480301');
    expect(crossCheckPerson({ rnokpp: RNOKPP, unzr: UNZR })).toEqual([]);
    expect(crossCheckPerson({ rnokpp: RNOKPP, unzr: other })).toEqual(['cross.rnokpp_unzr_birth_date']);
    // With an entered date each is compared to it instead, which already names the one that differs.
    expect(crossCheckPerson({ rnokpp: RNOKPP, unzr: other, birthDate: '1948-02-28' })).toEqual(['cross.unzr_birth_date']);
  });

  it('reports every mismatch at once', () => {
    expect(crossCheckPerson({ rnokpp: RNOKPP, unzr: unzrFor('19500101'), birthDate: '1960-06-01', sex: 'female' })).toEqual([
      'cross.rnokpp_birth_date',
      'cross.unzr_birth_date',
      'cross.rnokpp_sex',
    ]);
  });

  it('leaves out fields that fail their own validation, and empty ones', () => {
    expect(crossCheckPerson({ rnokpp: '1759013770', birthDate: '2000-01-01', sex: 'female' })).toEqual([]);
    expect(crossCheckPerson({ unzr: '19480231-00010', birthDate: '2000-01-01' })).toEqual([]);
    expect(crossCheckPerson({ rnokpp: '', unzr: null, birthDate: undefined, sex: null })).toEqual([]);
    expect(crossCheckPerson({})).toEqual([]);
  });

  it('with no birth date entered, one identifier alone contradicts nothing', () => {
    expect(crossCheckPerson({ unzr: unzrFor('19900518') })).toEqual([]);
    expect(crossCheckPerson({ rnokpp: RNOKPP })).toEqual([]);
  });
});
