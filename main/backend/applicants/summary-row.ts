import type { ApplicantSummary } from '../../../shared/domain/applicant';

/** An applicants row as every search query selects it (`COLUMNS` over the alias `a`). */
export interface SummaryRow {
  id: string;
  kind: ApplicantSummary['kind'];
  display_name: string;
  search_name: string;
  birth_date: string | null;
  rnokpp: string | null;
  edrpou: string | null;
  id_doc_number: string | null;
  phone: string | null;
}

export const COLUMNS = 'a.id, a.kind, a.display_name, a.search_name, a.birth_date, a.rnokpp, a.edrpou, a.id_doc_number, a.phone';

export function toSummary(row: SummaryRow, match: ApplicantSummary['match']): ApplicantSummary {
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.display_name,
    birthDate: row.birth_date,
    rnokpp: row.rnokpp,
    edrpou: row.edrpou,
    idDocNumber: row.id_doc_number,
    phone: row.phone,
    match,
  };
}
