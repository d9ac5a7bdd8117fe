import type { PlainMessageKey } from '../../i18n/dictionary';
import type { FieldId } from './field-ids';
import type { PartPath, PartyFields } from './intake-form';

/** The label of each field of a person: the same key the field shows, so the error summary names it alike. */
export const PARTY_LABELS: Readonly<Record<keyof PartyFields | 'search' | 'form', PlainMessageKey>> = {
  search: 'intake.applicant.search',
  form: 'intake.applicant.title',
  kind: 'intake.applicant.kind',
  surname: 'intake.person.surname',
  givenName: 'intake.person.givenName',
  patronymic: 'intake.person.patronymic',
  birthDate: 'intake.person.birthDate',
  sex: 'intake.person.sex',
  rnokpp: 'intake.person.rnokpp',
  rnokppAbsent: 'intake.person.rnokppAbsent',
  idDocType: 'intake.person.idDocType',
  idDocNumber: 'intake.person.idDocNumber',
  idDocIssuer: 'intake.person.idDocIssuer',
  idDocIssuedOn: 'intake.person.idDocIssuedOn',
  idDocValidUntil: 'intake.person.idDocValidUntil',
  idDocPresentedAs: 'intake.person.presentedAs',
  unzr: 'intake.person.unzr',
  citizenship: 'intake.person.citizenship',
  citizenshipCode: 'intake.person.citizenshipCode',
  addressRegion: 'intake.address.region',
  addressCommunity: 'intake.address.community',
  addressSettlement: 'intake.address.settlement',
  addressStreet: 'intake.address.street',
  addressBuilding: 'intake.address.building',
  addressFlat: 'intake.address.flat',
  addressPostcode: 'intake.address.postcode',
  address: 'intake.address.rest',
  phone: 'intake.contact.phone',
  email: 'intake.contact.email',
  notifyBy: 'intake.contact.notifyBy',
  businessName: 'intake.sole.businessName',
  registryRecord: 'intake.sole.registryRecord',
  legalName: 'intake.legal.name',
  edrpou: 'intake.legal.edrpou',
  crossConfirmed: 'intake.person.crossConfirmed',
};

/** The title of each person's section, which the summary puts before a field's label. */
const PART_TITLES: Readonly<Record<PartPath, PlainMessageKey>> = {
  applicant: 'intake.applicant.title',
  'representative.applicant': 'intake.rep.title',
  'subject.applicant': 'intake.subject.title',
};

const FIXED_LABELS: Readonly<Record<string, PlainMessageKey>> = {
  'representative.enabled': 'intake.rep.enabled',
  'representative.authority.basis': 'intake.authority.basis',
  'representative.authority.documentNumber': 'intake.authority.number.other',
  'representative.authority.documentDate': 'intake.authority.date.other',
  'representative.authority.notary': 'intake.authority.notary',
  'representative.authority.legalDocument': 'intake.authority.legalDocument',
  'representative.authority.registryChecked': 'intake.authority.registryChecked',
  'representative.authority.description': 'intake.authority.description',
  'representative.authority.validUntil': 'intake.authority.validUntil',
  'representative.authority.mayReceiveResult': 'intake.authority.mayReceiveResult',
  'subject.enabled': 'intake.subject.enabled',
  'subject.applicantRepresents': 'intake.subject.applicantRepresents',
  'insisted.on': 'intake.missing.insist',
  'insisted.reason': 'intake.missing.reason',
  service: 'intake.service.search',
  items: 'intake.items.title',
  resultDelivery: 'intake.delivery.label',
  notes: 'intake.notes.label',
  form: 'intake.title',
};

/** Each person's search box has a name of its own: the form may show two at once. */
export const SEARCH_LABEL = {
  applicant: 'intake.applicant.search',
  'representative.applicant': 'intake.rep.search',
  'subject.applicant': 'intake.subject.search',
} as const satisfies Record<PartPath, PlainMessageKey>;

/** A field's label key, and the person's section title when the field belongs to a person. */
export function fieldLabelKeys(field: FieldId): { part: PlainMessageKey | null; label: PlainMessageKey } {
  for (const part of Object.keys(PART_TITLES) as PartPath[]) {
    const name = field.startsWith(`${part}.`) ? field.slice(part.length + 1) : null;
    if (name !== null && Object.hasOwn(PARTY_LABELS, name)) {
      const label = name === 'search' ? SEARCH_LABEL[part] : PARTY_LABELS[name as keyof typeof PARTY_LABELS];
      return { part: PART_TITLES[part], label };
    }
  }
  const fixed =
    FIXED_LABELS[field] ??
    (field.endsWith('.sheets')
      ? 'intake.items.sheets'
      : field.endsWith('.name')
        ? 'intake.items.name'
        : field.startsWith('items.')
          ? 'intake.items.title'
          : 'intake.title');
  return { part: null, label: fixed };
}
