import { stripSeparators } from './normalize';
import { validateIdCardNumber } from './id-card';
import { validatePassportBooklet } from './passport-booklet';
import { invalid, valid } from './result';
import type { Validated } from './result';

/**
 * The identity documents a center accepts (the eHealth DOCUMENT_TYPE dictionary, plus the
 * Ukrainian passport for travel abroad and a foreigner's own passport). `residence_permit` is the
 * single permit type of earlier versions: records keep it, the form no longer offers it.
 */
export const ID_DOC_TYPES = [
  'id_card',
  'passport_book',
  'travel_passport',
  'birth_certificate',
  'temporary_certificate',
  'permanent_residence_permit',
  'temporary_residence_permit',
  'refugee_certificate',
  'protection_certificate',
  'foreign_passport',
  'residence_permit',
  'other',
] as const;
export type IdDocTypeCode = (typeof ID_DOC_TYPES)[number];

/** What the form offers, in this order (the legacy `residence_permit` is left out). */
export const ID_DOC_TYPES_OFFERED: readonly IdDocTypeCode[] = ID_DOC_TYPES.filter((t) => t !== 'residence_permit');

/** Whether a document of the type states "дійсний до": required, possible, or never printed. */
export type ExpiryRule = 'required' | 'optional' | 'none';

export type IdDocNumberError =
  'id_card.not_digits' | 'id_card.length' | 'passport_booklet.format' | 'passport_booklet.series' | 'id_doc.number_format';
export type IdDocNumberWarning = 'id_doc.number_unusual';

interface DocRule {
  expiry: ExpiryRule;
  /**
   * How the number is checked. `certain`: a number that does not match is refused. `likely`: the
   * pattern is what documents of the type usually carry, but older or foreign-issued ones differ,
   * so a mismatch is a warning the clerk may pass. `free`: no pattern at all.
   */
  number: (input: string) => Validated<IdDocNumberError, IdDocNumberWarning>;
  /** An ID card names its issuing authority by a 4-digit code; other types print a name. */
  issuerCode: boolean;
}

/** Upper case with separators dropped: the shape every patterned number is compared in. */
const compact = (input: string): string => stripSeparators(input).toUpperCase();

function certain(pattern: RegExp): DocRule['number'] {
  return (input) => {
    const value = compact(input);
    return pattern.test(value) ? valid(value) : invalid('id_doc.number_format');
  };
}

function likely(pattern: RegExp): DocRule['number'] {
  return (input) => {
    const value = compact(input);
    return pattern.test(value) ? valid(value) : valid(value, ['id_doc.number_unusual']);
  };
}

const free: DocRule['number'] = (input) => valid(input.trim());

/** 2 Ukrainian capitals (no Ы Ъ Э Ё) and 4–6 digits, or the 9 digits of the card form. */
const PERMIT = /^([А-ЩЬЮЯҐЄІЇ]{2}\d{4,6}|\d{9})$/u;

const RULES: Readonly<Record<IdDocTypeCode, DocRule>> = {
  id_card: { expiry: 'required', number: validateIdCardNumber, issuerCode: true },
  passport_book: { expiry: 'none', number: validatePassportBooklet, issuerCode: false },
  // Two Latin capitals and six digits is the current form; not verified against a published rule.
  travel_passport: { expiry: 'required', number: likely(/^[A-Z]{2}\d{6}$/), issuerCode: false },
  // A Roman-numeral series (Latin I V X L C or Cyrillic І Х), a dash, 2 Cyrillic capitals, 6 digits;
  // certificates issued abroad or before 1990s reforms can differ.
  birth_certificate: { expiry: 'none', number: likely(/^[IVXLCІХ1-9]{1,6}-?[А-ЩЬЮЯҐЄІЇ]{2}\d{6}$/u), issuerCode: false },
  temporary_certificate: { expiry: 'required', number: likely(/^([А-ЩЬЮЯҐЄІЇ]{2}\d{4,6}|\d{9})$/u), issuerCode: false },
  permanent_residence_permit: { expiry: 'optional', number: certain(PERMIT), issuerCode: false },
  temporary_residence_permit: { expiry: 'required', number: certain(PERMIT), issuerCode: false },
  refugee_certificate: { expiry: 'required', number: certain(/^[А-ЩЬЮЯҐЄІЇ]{2}\d{6}$/u), issuerCode: false },
  protection_certificate: { expiry: 'required', number: certain(/^[А-ЩЬЮЯҐЄІЇ]{2}\d{6}$/u), issuerCode: false },
  foreign_passport: { expiry: 'optional', number: free, issuerCode: false },
  residence_permit: { expiry: 'optional', number: free, issuerCode: false },
  other: { expiry: 'optional', number: free, issuerCode: false },
};

export function expiryRule(type: IdDocTypeCode): ExpiryRule {
  return RULES[type].expiry;
}

export function needsIssuerCode(type: IdDocTypeCode): boolean {
  return RULES[type].issuerCode;
}

/** The number checked and normalized by the rules of its type. */
export function validateIdDocNumber(type: IdDocTypeCode, input: string): Validated<IdDocNumberError, IdDocNumberWarning> {
  return RULES[type].number(input);
}

/** An ID card's issuing authority: the 4-digit code printed on the card (e.g. 8032). */
export function validateIssuerCode(input: string): Validated<'id_doc.issuer_code'> {
  const value = stripSeparators(input);
  return /^\d{4}$/.test(value) ? valid(value) : invalid('id_doc.issuer_code');
}
