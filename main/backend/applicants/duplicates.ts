import type { ApplicantSummary, IdDocType } from '../../../shared/domain/applicant';
import { validateIdDocNumber } from '../../../shared/validate';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

export interface IdentifierKeys {
  rnokpp?: string | undefined;
  edrpou?: string | undefined;
  idDoc?: { type: IdDocType; number: string } | undefined;
}

type Match = 'rnokpp' | 'edrpou' | 'id_doc';
export type Duplicate = ApplicantSummary & { match: Match };

const SUMMARY = `SELECT id, kind, display_name AS displayName, birth_date AS birthDate, rnokpp, edrpou, id_doc_number AS idDocNumber,
  phone FROM applicants WHERE deleted_at IS NULL`;

/** Each identifier's lookup uses its partial index of 0002-domain. */
const LOOKUP: Readonly<Record<Match, string>> = {
  rnokpp: `${SUMMARY} AND rnokpp = @rnokpp ORDER BY rowid`,
  edrpou: `${SUMMARY} AND edrpou = @edrpou ORDER BY rowid`,
  id_doc: `${SUMMARY} AND id_doc_number = @number AND id_doc_type = @type ORDER BY rowid`,
};

/** Where a duplicate's issue points in ApplicantInput. */
export const DUPLICATE_PATH: Readonly<Record<Match, string[]>> = {
  rnokpp: ['rnokpp'],
  edrpou: ['edrpou'],
  id_doc: ['idDoc', 'number'],
};

/**
 * The people on file who have any of these identifiers, each once, with the identifier that
 * matched (the first of РНОКПП, ЄДРПОУ, document). A document number is compared in the form
 * its type stores it (the clerk may type it with spaces or in lower case).
 */
export function findDuplicates(db: Db, keys: IdentifierKeys): Duplicate[] {
  const found = new Map<string, Duplicate>();
  const look = (match: Match, params: Record<string, string>) => {
    const rows = statement(db, LOOKUP[match]).all(params) as Array<Omit<ApplicantSummary, 'match'>>;
    for (const row of rows) if (!found.has(row.id)) found.set(row.id, { ...row, match });
  };
  if (keys.rnokpp !== undefined) look('rnokpp', { rnokpp: keys.rnokpp });
  if (keys.edrpou !== undefined) look('edrpou', { edrpou: keys.edrpou });
  if (keys.idDoc !== undefined) {
    const checked = validateIdDocNumber(keys.idDoc.type, keys.idDoc.number);
    look('id_doc', { type: keys.idDoc.type, number: checked.ok ? checked.value : keys.idDoc.number.trim() });
  }
  return [...found.values()];
}
