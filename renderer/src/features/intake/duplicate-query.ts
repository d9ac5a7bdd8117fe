import { validateEdrpou } from '../../../../shared/validate/edrpou';
import { validateIdDocNumber } from '../../../../shared/validate/id-documents';
import { validateRnokpp } from '../../../../shared/validate/rnokpp';
import type { PartyFields } from './intake-form';

/** What `applicants.findDuplicates` takes: the identifiers a person on file may share. */
export interface DuplicateQuery {
  rnokpp?: string;
  edrpou?: string;
  idDoc?: { type: PartyFields['idDocType']; number: string };
}

/**
 * The person's complete and valid identifiers, normalized as they are stored; null when there is
 * none yet (half-typed or mistyped numbers are not looked up: they would find nobody, or the wrong one).
 */
export function duplicateQuery(f: PartyFields): DuplicateQuery | null {
  const query: DuplicateQuery = {};
  if (f.kind === 'legal_entity') {
    const edrpou = f.edrpou.trim() === '' ? null : validateEdrpou(f.edrpou);
    if (edrpou?.ok) query.edrpou = edrpou.value;
  } else {
    const rnokpp = f.rnokpp.trim() === '' || f.rnokppAbsent !== '' ? null : validateRnokpp(f.rnokpp);
    if (rnokpp?.ok) query.rnokpp = rnokpp.value;
    const number = f.idDocNumber.trim() === '' ? null : validateIdDocNumber(f.idDocType, f.idDocNumber);
    if (number?.ok && (number.warnings ?? []).length === 0) query.idDoc = { type: f.idDocType, number: number.value };
  }
  return Object.keys(query).length > 0 ? query : null;
}
