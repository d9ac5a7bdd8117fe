import { describe, expect, it } from 'vitest';
import type { Applicant } from '../../../shared/domain/applicant';
import { partyFromRecord } from '../../../renderer/src/features/intake/party-from-record';

const RECORD: Applicant = {
  id: 'a1',
  kind: 'person',
  displayName: 'Шевченко Тарас',
  surname: 'Шевченко',
  givenName: 'Тарас',
  patronymic: null,
  birthDate: '1948-02-28',
  sex: 'male',
  rnokpp: null,
  rnokppAbsent: 'foreigner',
  idDoc: {
    type: 'temporary_residence_permit',
    number: 'АБ123456',
    issuer: null,
    issuedOn: '2024-05-01',
    validUntil: '2027-05-01',
    presentedAs: 'diia',
  },
  unzr: null,
  citizenship: 'POL',
  address: 'під’їзд 2',
  addressParts: { settlement: 'Київ', postcode: '01001' },
  phone: null,
  email: null,
  notifyBy: null,
  businessName: null,
  registryRecord: null,
  legalName: null,
  edrpou: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  serverVersion: null,
};

describe('partyFromRecord (a person on file opened for correction)', () => {
  it('fills every field as the clerk would type it', () => {
    expect(partyFromRecord(RECORD)).toMatchObject({
      kind: 'person',
      birthDate: '28.02.1948',
      rnokpp: '',
      rnokppAbsent: 'foreigner',
      idDocType: 'temporary_residence_permit',
      idDocIssuedOn: '01.05.2024',
      idDocValidUntil: '01.05.2027',
      idDocPresentedAs: 'diia',
      citizenship: 'other',
      citizenshipCode: 'POL',
      addressSettlement: 'Київ',
      addressPostcode: '01001',
      addressStreet: '',
      address: 'під’їзд 2',
    });
    expect(partyFromRecord({ ...RECORD, citizenship: 'XXA' })).toMatchObject({ citizenship: 'XXA', citizenshipCode: '' });
  });

  it('opens an older record of a sole trader stored as a legal entity with an РНОКПП as the sole trader', () => {
    const old = {
      ...RECORD,
      kind: 'legal_entity' as const,
      surname: null,
      givenName: null,
      legalName: 'ФОП Шевченко Т. Г.',
      rnokpp: '1759013776',
    };
    expect(partyFromRecord(old)).toMatchObject({
      kind: 'sole_trader',
      businessName: 'ФОП Шевченко Т. Г.',
      legalName: '',
      rnokpp: '1759013776',
    });
    const company = { ...old, rnokpp: null, edrpou: '32855961' };
    expect(partyFromRecord(company)).toMatchObject({ kind: 'legal_entity', legalName: 'ФОП Шевченко Т. Г.', edrpou: '32855961' });
  });
});
