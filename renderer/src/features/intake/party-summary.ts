import type { ApplicantSummary } from '../../../../shared/domain/applicant';
import type { Translate } from '../../i18n/dictionary';
import { formatDay } from '../../lib/format';

/** A person on file in one line: birth date and identifiers, so two namesakes are told apart. */
export function summaryDetails(t: Translate, a: ApplicantSummary): string {
  return [
    a.birthDate ? t('intake.applicant.born', { date: formatDay(a.birthDate) }) : null,
    a.rnokpp ? t('intake.applicant.rnokppShort', { value: a.rnokpp }) : null,
    a.edrpou ? t('intake.applicant.edrpouShort', { value: a.edrpou }) : null,
    a.idDocNumber ? t('intake.applicant.docShort', { value: a.idDocNumber }) : null,
    a.phone,
  ]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ');
}
