import type { Applicant } from '../../../shared/domain/applicant';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

interface ApplicantRow {
  id: string;
  kind: 'person' | 'legal_entity';
  display_name: string;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  birth_date: string | null;
  sex: 'male' | 'female' | null;
  rnokpp: string | null;
  rnokpp_refused: number;
  id_doc_type: NonNullable<Applicant['idDoc']>['type'] | null;
  id_doc_number: string | null;
  id_doc_issuer: string | null;
  id_doc_issued_on: string | null;
  unzr: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  notify_by: Applicant['notifyBy'];
  legal_name: string | null;
  edrpou: string | null;
  created_at: string;
  updated_at: string;
  server_version: number | null;
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
    rnokppRefused: row.rnokpp_refused === 1,
    idDoc:
      row.id_doc_type && row.id_doc_number
        ? { type: row.id_doc_type, number: row.id_doc_number, issuer: row.id_doc_issuer, issuedOn: row.id_doc_issued_on }
        : null,
    unzr: row.unzr,
    address: row.address,
    phone: row.phone,
    email: row.email,
    notifyBy: row.notify_by,
    legalName: row.legal_name,
    edrpou: row.edrpou,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    serverVersion: row.server_version,
  };
}
