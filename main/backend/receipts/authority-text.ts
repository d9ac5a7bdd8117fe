/**
 * The basis of a representative's authority and the identity document's name, in words, for the
 * receipt in Ukrainian and English (the receipt's own wording stays in receipt-text.ts).
 */
import type { AuthorityData } from '../../../shared/domain/application';
import type { IdDocTypeCode } from '../../../shared/validate';
import { formatDay } from './receipt-text';
import type { ReceiptLang } from './receipt-text';

const no = (lang: ReceiptLang, n: string | undefined) => (n === undefined ? '' : lang === 'uk' ? ` № ${n}` : ` No. ${n}`);
const of = (lang: ReceiptLang, d: string | undefined) =>
  d === undefined ? '' : lang === 'uk' ? ` від ${formatDay(d)}` : ` of ${formatDay(d)}`;

type Words = (a: AuthorityData, lang: ReceiptLang) => string;

const BASIS: Readonly<Record<AuthorityData['basis'], Record<ReceiptLang, Words>>> = {
  poa_notarised: {
    uk: (a, l) => `нотаріально посвідчена довіреність${no(l, a.documentNumber)}${of(l, a.documentDate)}, нотаріус ${a.notary ?? ''}`,
    en: (a, l) => `notarised power of attorney${no(l, a.documentNumber)}${of(l, a.documentDate)}, notary ${a.notary ?? ''}`,
  },
  poa_simple: {
    uk: (a, l) => `довіреність${no(l, a.documentNumber)}${of(l, a.documentDate)}`,
    en: (a, l) => `power of attorney${no(l, a.documentNumber)}${of(l, a.documentDate)}`,
  },
  poa_electronic: {
    uk: (a, l) => `електронна довіреність${no(l, a.documentNumber)}${of(l, a.documentDate)}`,
    en: (a, l) => `electronic power of attorney${no(l, a.documentNumber)}${of(l, a.documentDate)}`,
  },
  legal_representative: {
    uk: (a, l) =>
      `законний представник: ${a.legalDocument === 'guardianship_decision' ? 'рішення про встановлення опіки (піклування)' : 'свідоцтво про народження'}${no(l, a.documentNumber)}${of(l, a.documentDate)}`,
    en: (a, l) =>
      `legal representative: ${a.legalDocument === 'guardianship_decision' ? 'guardianship decision' : 'birth certificate'}${no(l, a.documentNumber)}${of(l, a.documentDate)}`,
  },
  company_head: {
    uk: () => 'керівник юридичної особи, діє на підставі установчих документів (відомості ЄДР перевірено)',
    en: () => 'head of the legal entity acting under its statute (checked in the state register)',
  },
  advocate: {
    uk: (a, l) => `адвокат, ордер${no(l, a.documentNumber)}${of(l, a.documentDate)}`,
    en: (a, l) => `advocate, warrant${no(l, a.documentNumber)}${of(l, a.documentDate)}`,
  },
  other: {
    uk: (a) => a.description ?? '',
    en: (a) => a.description ?? '',
  },
};

/** "довіреність № 12 від 01.12.2026, дійсна до 01.12.2027; має право отримати результат". */
export function authorityInWords(a: AuthorityData, lang: ReceiptLang): string {
  const until =
    a.validUntil === undefined ? '' : lang === 'uk' ? `, дійсні до ${formatDay(a.validUntil)}` : `, valid until ${formatDay(a.validUntil)}`;
  const result = a.mayReceiveResult ? (lang === 'uk' ? '; має право отримати результат' : '; may receive the result') : '';
  return `${BASIS[a.basis][lang](a, lang)}${until}${result}`;
}

export const ID_DOC_NAMES: Readonly<Record<IdDocTypeCode, Record<ReceiptLang, string>>> = {
  id_card: { uk: 'паспорт громадянина України (ID-картка)', en: 'ID card of a citizen of Ukraine' },
  passport_book: { uk: 'паспорт громадянина України (книжечка)', en: 'passport of a citizen of Ukraine (booklet)' },
  travel_passport: { uk: 'паспорт громадянина України для виїзду за кордон', en: 'Ukrainian passport for travel abroad' },
  birth_certificate: { uk: 'свідоцтво про народження', en: 'birth certificate' },
  temporary_certificate: { uk: 'тимчасове посвідчення громадянина України', en: 'temporary certificate of a citizen of Ukraine' },
  permanent_residence_permit: { uk: 'посвідка на постійне проживання', en: 'permanent residence permit' },
  temporary_residence_permit: { uk: 'посвідка на тимчасове проживання', en: 'temporary residence permit' },
  refugee_certificate: { uk: 'посвідчення біженця', en: 'refugee certificate' },
  protection_certificate: { uk: 'посвідчення особи, яка потребує додаткового захисту', en: 'complementary protection certificate' },
  foreign_passport: { uk: 'паспорт іноземця', en: 'foreign passport' },
  residence_permit: { uk: 'посвідка на проживання', en: 'residence permit' },
  other: { uk: 'інший документ, що посвідчує особу', en: 'other identity document' },
};
