import { describe, expect, it } from 'vitest';
import { ApplicantInput, IdDoc } from '../../../shared/domain/applicant';
import { ID_DOC_TYPES, expiryRule } from '../../../shared/validate';
import type { IdDocTypeCode } from '../../../shared/validate';
import { assertPlausibleDates } from '../../../main/backend/applicants/check-dates';
import { AppError } from '../../../shared/errors';

/**
 * Every identity document type: a number it takes (as typed, and as stored), a number it refuses
 * or only warns about, and an expired one the backend refuses against the desk's today.
 */
const TODAY = '2026-11-27';

interface Row {
  type: IdDocTypeCode;
  valid: [typed: string, stored: string];
  /** A number of the wrong form: refused (`error`) where the pattern is certain, else stored with a warning. */
  invalid: [typed: string, outcome: 'error' | 'warning' | 'free'];
}

const TABLE: readonly Row[] = [
  { type: 'id_card', valid: ['001 234 567', '001234567'], invalid: ['12345678', 'error'] },
  { type: 'passport_book', valid: ['ак 123456', 'АК123456'], invalid: ['AK12345', 'error'] },
  { type: 'travel_passport', valid: ['fa 123456', 'FA123456'], invalid: ['123456', 'warning'] },
  { type: 'birth_certificate', valid: ['I-КИ 123456', 'IКИ123456'], invalid: ['123', 'warning'] },
  { type: 'temporary_certificate', valid: ['КВ 1234', 'КВ1234'], invalid: ['X1', 'warning'] },
  { type: 'permanent_residence_permit', valid: ['ІН 123456', 'ІН123456'], invalid: ['AB123456', 'error'] },
  { type: 'temporary_residence_permit', valid: ['123 456 789', '123456789'], invalid: ['12345', 'error'] },
  { type: 'refugee_certificate', valid: ['БЖ 123456', 'БЖ123456'], invalid: ['БЖ1234', 'error'] },
  { type: 'protection_certificate', valid: ['ДЗ-123456', 'ДЗ123456'], invalid: ['123456789', 'error'] },
  { type: 'foreign_passport', valid: [' 533 380 006 ', '533 380 006'], invalid: ['any form at all', 'free'] },
  { type: 'residence_permit', valid: ['ІН 123456', 'ІН 123456'], invalid: ['anything', 'free'] },
  { type: 'other', valid: ['Посвідчення водія 123', 'Посвідчення водія 123'], invalid: ['?', 'free'] },
];

/** A document of the type with a validity when the type states one. */
const doc = (type: IdDocTypeCode, number: string, validUntil = '2030-01-01') => ({
  type,
  number,
  ...(expiryRule(type) === 'none' ? {} : { validUntil }),
  ...(type === 'id_card' ? { issuer: '8032' } : {}),
});

const person = (idDoc: object) => ({ kind: 'person', surname: 'Сміт', givenName: 'Джон', rnokppAbsent: 'foreigner', idDoc });

describe('identity documents by type', () => {
  it('the table covers every type', () => {
    expect(TABLE.map((r) => r.type).sort()).toEqual([...ID_DOC_TYPES].sort());
  });

  it.each(TABLE)('$type: takes a valid number and stores it normalized', ({ type, valid: [typed, stored] }) => {
    expect(IdDoc.parse(doc(type, typed)).number).toBe(stored);
  });

  it.each(TABLE)('$type: a number of the wrong form is refused where the pattern is certain', ({ type, invalid: [typed, outcome] }) => {
    const parsed = IdDoc.safeParse(doc(type, typed));
    if (outcome === 'error') {
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path)).toContainEqual(['number']);
    } else {
      // Likely and free patterns keep what the clerk typed (the form shows the warning).
      expect(parsed.success).toBe(true);
    }
  });

  it.each(TABLE)('$type: expired yesterday is refused by the backend, valid today is not', ({ type, valid: [typed] }) => {
    if (expiryRule(type) === 'none') {
      expect(IdDoc.parse(doc(type, typed, '2020-01-01'))).not.toHaveProperty('validUntil');
      return;
    }
    const yesterday = ApplicantInput.parse(person(doc(type, typed, '2026-11-26')));
    let thrown: unknown;
    try {
      assertPlausibleDates(yesterday, TODAY);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).issues).toEqual([{ path: ['idDoc', 'validUntil'], message: 'id_doc.expired' }]);
    expect(() => assertPlausibleDates(ApplicantInput.parse(person(doc(type, typed, TODAY))), TODAY)).not.toThrow();
  });

  it.each(TABLE.filter((r) => expiryRule(r.type) === 'required'))(
    '$type: a document that states no validity is refused',
    ({ type, valid: [typed] }) => {
      const parsed = IdDoc.safeParse({ type, number: typed, ...(type === 'id_card' ? { issuer: '8032' } : {}) });
      expect(parsed.error?.issues.map((i) => [i.path, i.message])).toContainEqual([['validUntil'], 'id_doc.expiry_required']);
    },
  );
});
