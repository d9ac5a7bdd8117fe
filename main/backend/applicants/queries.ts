import { AddressParts } from '../../../shared/domain/applicant';
import type { Applicant } from '../../../shared/domain/applicant';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

interface ApplicantRow {
  id: string;
  kind: Applicant['kind'];
  display_name: string;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  birth_date: string | null;
  sex: 'male' | 'female' | null;
  rnokpp: string | null;
  rnokpp_absent: Applicant['rnokppAbsent'];
  id_doc_type: NonNullable<Applicant['idDoc']>['type'] | null;
  id_doc_number: string | null;
  id_doc_issuer: string | null;
  id_doc_issued_on: string | null;
  id_doc_valid_until: string | null;
  id_doc_presented_as: NonNullable<Applicant['idDoc']>['presentedAs'] | null;
  unzr: string | null;
  citizenship: string | null;
  address: string | null;
  address_parts: string | null;
  phone: string | null;
  email: string | null;
  notify_by: Applicant['notifyBy'];
  legal_name: string | null;
  edrpou: string | null;
  business_name: string | null;
  registry_record: string | null;
  created_at: string;
  updated_at: string;
  server_version: number | null;
}

/** Parts another desk sent that this one cannot read are left out rather than failing the record. */
function addressPartsOf(json: string | null): Applicant['addressParts'] {
  if (json === null) return null;
  const parsed = AddressParts.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function getApplicant(db: Db, id: string): Applicant | null {
  const row = statement(db, 'SELECT * FROM applicants WHERE id = ? AND deleted_at IS NULL').get(id) as ApplicantRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.display_name,
    surname: row.surname,
    givenName: row.given_name,
    patronymic: row.patronymic,
    birthDate: row.birth_date,
    sex: row.sex,
    rnokpp: row.rnokpp,
    rnokppAbsent: row.rnokpp_absent,
    idDoc:
      row.id_doc_type && row.id_doc_number
        ? {
            type: row.id_doc_type,
            number: row.id_doc_number,
            issuer: row.id_doc_issuer,
            issuedOn: row.id_doc_issued_on,
            validUntil: row.id_doc_valid_until,
            presentedAs: row.id_doc_presented_as ?? 'paper',
          }
        : null,
    unzr: row.unzr,
    citizenship: row.citizenship,
    address: row.address,
    addressParts: addressPartsOf(row.address_parts),
    phone: row.phone,
    email: row.email,
    notifyBy: row.notify_by,
    businessName: row.business_name,
    registryRecord: row.registry_record,
    legalName: row.legal_name,
    edrpou: row.edrpou,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    serverVersion: row.server_version,
  };
}
