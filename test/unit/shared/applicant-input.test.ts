import { describe, expect, it } from 'vitest';
import { ApplicantInput } from '../../../shared/domain/applicant';

/** The applicant schema's own rules, beyond the field validators it calls (those have their own tests). */
const person = { kind: 'person', surname: 'Шевченко', givenName: 'Тарас', rnokpp: '1759013776' } as const;
const issuesOf = (input: unknown) => {
  const parsed = ApplicantInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
};

describe('ApplicantInput', () => {
  it('checks and normalizes an ID card number and a passport booklet by their type; other documents are free text', () => {
    expect(ApplicantInput.parse({ ...person, idDoc: { type: 'id_card', number: '001 234-567', validUntil: '2030-01-01' } })).toMatchObject({
      idDoc: { type: 'id_card', number: '001234567' },
    });
    expect(ApplicantInput.parse({ ...person, idDoc: { type: 'passport_book', number: 'ak 123456' } })).toMatchObject({
      idDoc: { number: 'АК123456' },
    });
    expect(ApplicantInput.parse({ ...person, idDoc: { type: 'other', number: 'свідоцтво 7' } })).toMatchObject({
      idDoc: { number: 'свідоцтво 7' },
    });
    expect(issuesOf({ ...person, idDoc: { type: 'id_card', number: '12345', validUntil: '2030-01-01' } })).toEqual([
      { path: ['idDoc', 'number'], message: 'id_card.length' },
    ]);
    expect(issuesOf({ ...person, idDoc: { type: 'passport_book', number: 'ЫЫ123456' } })).toEqual([
      { path: ['idDoc', 'number'], message: 'passport_booklet.series' },
    ]);
  });

  it('takes an РНОКПП or the reason there is none, never both and never neither', () => {
    const { rnokpp: _rnokpp, ...without } = person;
    expect(issuesOf({ ...person, rnokppAbsent: 'religious' })).toEqual([
      { path: ['rnokppAbsent'], message: 'a person without an РНОКПП has none to enter' },
    ]);
    expect(issuesOf(person)).toEqual([]);
    for (const reason of ['religious', 'foreigner', 'child', 'not_assigned'])
      expect(issuesOf({ ...without, rnokppAbsent: reason })).toEqual([]);
    expect(issuesOf(without)).toEqual([{ path: ['rnokpp'], message: 'rnokpp.reason_required' }]);
  });

  it('refuses a document issued before its holder was born, and takes one issued on the birthday', () => {
    const born = { ...person, birthDate: '2000-05-10' };
    expect(issuesOf({ ...born, idDoc: { type: 'other', number: 'X1', issuedOn: '2000-05-09' } })).toEqual([
      { path: ['idDoc', 'issuedOn'], message: 'issue_date.before_birth' },
    ]);
    expect(issuesOf({ ...born, idDoc: { type: 'other', number: 'X1', issuedOn: '2000-05-10' } })).toEqual([]);
    expect(issuesOf({ ...person, idDoc: { type: 'other', number: 'X1', issuedOn: '2000-05-09' } })).toEqual([]);
  });

  it('asks a legal entity for its ЄДРПОУ; a sole trader is a person with business fields', () => {
    const company = { kind: 'legal_entity', legalName: 'ТОВ «Вікно»' } as const;
    expect(issuesOf(company).map((issue) => issue.path)).toEqual([['edrpou']]);
    expect(issuesOf({ ...company, edrpou: '32855961' })).toEqual([]);
    expect(issuesOf({ ...person, kind: 'sole_trader', businessName: 'Кав’ярня «Ранок»', registryRecord: '2010000000012345' })).toEqual([]);
  });

  it('trims text, refuses blank names and fields of the other kind', () => {
    expect(ApplicantInput.parse({ ...person, surname: '  Шевченко ' })).toMatchObject({ surname: 'Шевченко' });
    expect(issuesOf({ ...person, givenName: '   ' }).map((issue) => issue.path)).toEqual([['givenName']]);
    expect(issuesOf({ ...person, legalName: 'ТОВ' }).map((issue) => issue.path)).toEqual([[]]);
  });
});
