import { describe, expect, it } from 'vitest';
import { duplicateQuery } from '../../../renderer/src/features/intake/duplicate-query';
import { EMPTY_PARTY } from '../../../renderer/src/features/intake/intake-form';

describe('duplicateQuery (what a new person is looked up by)', () => {
  it('sends only complete, valid identifiers, normalized as stored', () => {
    expect(duplicateQuery({ ...EMPTY_PARTY, rnokpp: '1759 013 776', idDocNumber: '123 456 789' })).toEqual({
      rnokpp: '1759013776',
      idDoc: { type: 'id_card', number: '123456789' },
    });
    expect(duplicateQuery({ ...EMPTY_PARTY, rnokpp: '175901377' })).toBeNull();
    expect(duplicateQuery({ ...EMPTY_PARTY, rnokpp: '1759013770', idDocNumber: '12345' })).toBeNull();
  });

  it('leaves out a number only likely to be right, and an РНОКПП the person has a reason to lack', () => {
    expect(duplicateQuery({ ...EMPTY_PARTY, idDocType: 'travel_passport', idDocNumber: 'FX12345' })).toBeNull();
    expect(duplicateQuery({ ...EMPTY_PARTY, idDocType: 'travel_passport', idDocNumber: 'fx123456' })).toEqual({
      idDoc: { type: 'travel_passport', number: 'FX123456' },
    });
    expect(duplicateQuery({ ...EMPTY_PARTY, rnokpp: '1759013776', rnokppAbsent: 'child' })).toBeNull();
  });

  it('looks a legal entity up by its ЄДРПОУ only', () => {
    expect(duplicateQuery({ ...EMPTY_PARTY, kind: 'legal_entity', edrpou: '3285 5961', rnokpp: '1759013776' })).toEqual({
      edrpou: '32855961',
    });
    expect(duplicateQuery({ ...EMPTY_PARTY, kind: 'sole_trader', rnokpp: '1759013776', edrpou: '32855961' })).toEqual({
      rnokpp: '1759013776',
    });
  });
});
