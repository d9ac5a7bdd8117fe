import type { MutationPayload } from '../../shared/sync-mutations';

/** A person's full row as the desk sends it in applicant.create/update (shared ApplicantRowPayload). */
export function applicantRow(id: string, surname = 'Коваль'): MutationPayload<'applicant.create'> {
  return {
    id,
    kind: 'person',
    surname,
    given_name: 'Петро',
    patronymic: null,
    birth_date: '1980-05-01',
    sex: null,
    rnokpp: null,
    rnokpp_refused: 0,
    id_doc_type: null,
    id_doc_number: null,
    id_doc_issuer: null,
    id_doc_issued_on: null,
    unzr: null,
    address: null,
    phone: null,
    email: null,
    notify_by: null,
    edrpou: null,
    legal_name: null,
    display_name: `${surname} Петро`,
    search_name: `${surname.toLowerCase()} петро`,
  };
}
