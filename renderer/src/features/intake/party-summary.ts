import type { ApplicantSummary } from '../../../../shared/domain/applicant';
import type { Translate } from '../../i18n/dictionary';
import { formatDay } from '../../lib/format';
import { matchNote } from './match-note';

/** A person on file in one line: how a looser search tier found them, birth date and identifiers, so two namesakes are told apart. */
export function summaryDetails(t: Translate, a: ApplicantSummary): string {
  return [
    matchNote(t, a.match),
    a.birthDate ? t('intake.applicant.born', { date: formatDay(a.birthDate) }) : null,
    a.rnokpp ? t('intake.applicant.rnokppShort', { value: a.rnokpp }) : null,
    a.edrpou ? t('intake.applicant.edrpouShort', { value: a.edrpou }) : null,
    a.idDocNumber ? t('intake.applicant.docShort', { value: a.idDocNumber }) : null,
    a.phone,
  ]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ');
}
