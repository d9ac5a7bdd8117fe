import type { PlainMessageKey } from '../../i18n/dictionary';
import type { FieldId } from './field-ids';

/** The label of each fixed field: the same key the field shows, so the error summary names it alike. */
export const FIELD_LABELS: Readonly<Record<string, PlainMessageKey>> = {
  'applicant.search': 'intake.applicant.search',
  'applicant.form': 'intake.applicant.title',
  'applicant.surname': 'intake.person.surname',
  'applicant.givenName': 'intake.person.givenName',
  'applicant.patronymic': 'intake.person.patronymic',
  'applicant.birthDate': 'intake.person.birthDate',
  'applicant.sex': 'intake.person.sex',
  'applicant.rnokpp': 'intake.person.rnokpp',
  'applicant.rnokppRefused': 'intake.person.rnokppRefused',
  'applicant.idDocType': 'intake.person.idDocType',
  'applicant.idDocNumber': 'intake.person.idDocNumber',
  'applicant.idDocIssuer': 'intake.person.idDocIssuer',
  'applicant.idDocIssuedOn': 'intake.person.idDocIssuedOn',
  'applicant.unzr': 'intake.person.unzr',
  'applicant.address': 'intake.contact.address',
  'applicant.phone': 'intake.contact.phone',
  'applicant.email': 'intake.contact.email',
  'applicant.notifyBy': 'intake.contact.notifyBy',
  'applicant.legalName': 'intake.legal.name',
  'applicant.edrpou': 'intake.legal.edrpou',
  'rep.fullName': 'intake.rep.fullName',
  'rep.idDocType': 'intake.rep.idDocType',
  'rep.idDocNumber': 'intake.rep.idDocNumber',
  'rep.poaNumber': 'intake.rep.poaNumber',
  'rep.poaDate': 'intake.rep.poaDate',
  service: 'intake.service.search',
  items: 'intake.items.title',
  resultDelivery: 'intake.delivery.label',
  notes: 'intake.notes.label',
  form: 'intake.title',
};

export function fieldLabelKey(field: FieldId): PlainMessageKey {
  return (
    FIELD_LABELS[field] ??
    (field.endsWith('.sheets') ? 'intake.items.sheets' : field.endsWith('.name') ? 'intake.items.name' : 'intake.items.title')
  );
}
