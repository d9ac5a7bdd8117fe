import { describe, expect, it } from 'vitest';
import {
  VALIDATION_ERRORS,
  VALIDATION_MESSAGES,
  VALIDATION_WARNINGS,
  crossCheckPerson,
  validateBirthDate,
  validateDay,
  validateEdrpou,
  validateIdDocNumber,
  validateIssuerCode,
  validateEmail,
  validateIdCardNumber,
  validateIssueDate,
  validatePassportBooklet,
  validatePhone,
  validateRnokpp,
  validateUnzr,
} from '../../../shared/validate';
import type { ValidationCode } from '../../../shared/validate';
import { ApplicantInput, IdDoc } from '../../../shared/domain/applicant';
import { assertPlausibleDates } from '../../../main/backend/applicants/check-dates';
import { AppError } from '../../../shared/errors';

const TODAY = '2026-03-15';
const CODES = Object.keys(VALIDATION_MESSAGES) as ValidationCode[];

/** What a check answered, as the codes it carries: its error, or its warnings. */
function codesOf(result: { ok: true; warnings?: readonly string[] } | { ok: false; code: string }): readonly string[] {
  return result.ok ? (result.warnings ?? []) : [result.code];
}

/** The messages a schema refused the value with. */
function schemaCodes(result: { success: boolean; error?: { issues: ReadonlyArray<{ message: string }> } }): readonly string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

/** The messages a backend check refused the value with. */
function thrownCodes(check: () => void): readonly string[] {
  try {
    check();
    return [];
  } catch (error) {
    return error instanceof AppError ? (error.issues ?? []).map((i) => i.message) : [];
  }
}

/**
 * One input per code that produces it. Typed over every code, so a new code does not compile
 * here until something is shown to produce it: no message is written for a code nothing gives.
 */
const PRODUCED_BY: Record<ValidationCode, () => readonly string[]> = {
  'rnokpp.not_digits': () => codesOf(validateRnokpp('175901377O')),
  'rnokpp.length': () => codesOf(validateRnokpp('175901377')),
  'rnokpp.checksum': () => codesOf(validateRnokpp('1759013770')),
  'edrpou.not_digits': () => codesOf(validateEdrpou('3285596a')),
  'edrpou.length': () => codesOf(validateEdrpou('3285596')),
  'edrpou.checksum': () => codesOf(validateEdrpou('32855968')),
  'id_card.not_digits': () => codesOf(validateIdCardNumber('00123456A')),
  'id_card.length': () => codesOf(validateIdCardNumber('12345678')),
  'passport_booklet.format': () => codesOf(validatePassportBooklet('АК12345')),
  'passport_booklet.series': () => codesOf(validatePassportBooklet('ЫЪ123456')),
  'unzr.format': () => codesOf(validateUnzr('19850714-0123')),
  'unzr.date': () => codesOf(validateUnzr('20230229-00011')),
  'unzr.checksum': () => codesOf(validateUnzr('19850714-01230')),
  'phone.format': () => codesOf(validatePhone('+48 512 345 678')),
  'phone.length': () => codesOf(validatePhone('067123456')),
  'email.format': () => codesOf(validateEmail('name@example')),
  'email.length': () => codesOf(validateEmail(`${'a'.repeat(250)}@b.ua`)),
  'birth_date.format': () => codesOf(validateBirthDate('18/05/1990', TODAY)),
  'birth_date.impossible': () => codesOf(validateBirthDate('2026-02-30', TODAY)),
  'birth_date.future': () => codesOf(validateBirthDate('2026-03-16', TODAY)),
  'birth_date.too_old': () => codesOf(validateBirthDate('1890-01-01', TODAY)),
  'birth_date.under_14': () => codesOf(validateBirthDate('2020-01-01', TODAY)),
  'issue_date.format': () => codesOf(validateIssueDate('2016', TODAY)),
  'issue_date.impossible': () => codesOf(validateIssueDate('31.04.2016', TODAY)),
  'issue_date.future': () => codesOf(validateIssueDate('2027-01-01', TODAY)),
  'issue_date.before_birth': () => codesOf(validateIssueDate('1989-01-01', TODAY, '1990-05-18')),
  'id_doc.number_format': () => codesOf(validateIdDocNumber('refugee_certificate', 'БЖ1234')),
  'id_doc.number_unusual': () => codesOf(validateIdDocNumber('travel_passport', '123456')),
  'id_doc.issuer_code': () => codesOf(validateIssuerCode('МВС')),
  'id_doc.expiry_required': () => schemaCodes(IdDoc.safeParse({ type: 'refugee_certificate', number: 'БЖ123456' })),
  'id_doc.expiry_before_issue': () =>
    schemaCodes(IdDoc.safeParse({ type: 'foreign_passport', number: 'X1', issuedOn: '2020-01-02', validUntil: '2020-01-01' })),
  'id_doc.expired': () =>
    thrownCodes(() =>
      assertPlausibleDates(
        ApplicantInput.parse({
          kind: 'person',
          surname: 'Сміт',
          givenName: 'Джон',
          rnokppAbsent: 'foreigner',
          idDoc: { type: 'foreign_passport', number: 'X1', validUntil: '2026-03-14' },
        }),
        TODAY,
      ),
    ),
  'valid_until.format': () => codesOf(validateDay('2030', 'valid_until')),
  'valid_until.impossible': () => codesOf(validateDay('2030-02-30', 'valid_until')),
  'rnokpp.reason_required': () => schemaCodes(ApplicantInput.safeParse({ kind: 'person', surname: 'Сміт', givenName: 'Джон' })),
  'cross.rnokpp_birth_date': () => crossCheckPerson({ rnokpp: '1759013776', birthDate: '1948-02-27' }),
  'cross.rnokpp_sex': () => crossCheckPerson({ rnokpp: '1759013776', sex: 'female' }),
  'cross.unzr_birth_date': () => crossCheckPerson({ unzr: '19850714-01235', birthDate: '1985-07-15' }),
  'cross.rnokpp_unzr_birth_date': () => crossCheckPerson({ rnokpp: '1759013776', unzr: '19850714-01235' }),
};

describe('validation messages', () => {
  it('lists errors and warnings under distinct codes', () => {
    const errors = Object.keys(VALIDATION_ERRORS);
    const warnings = Object.keys(VALIDATION_WARNINGS);
    expect(errors.filter((code) => warnings.includes(code))).toEqual([]);
    expect(CODES).toHaveLength(errors.length + warnings.length);
  });

  it.each(CODES)('%s has a Ukrainian and an English message', (code) => {
    const { uk, en } = VALIDATION_MESSAGES[code];
    expect(uk.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(uk).not.toBe(en);
    // Ukrainian text is Cyrillic and free of the letters Ukrainian does not use.
    expect(uk).toMatch(/[а-щьюяґєії]/u);
    expect(uk).not.toMatch(/[ыъэё]/u);
  });

  it.each(CODES)('%s is produced by its check', (code) => {
    expect(PRODUCED_BY[code]()).toContain(code);
  });
});
