import type { ApplicantSummary } from '../../../../shared/domain/applicant';
import type { Translate } from '../../i18n/dictionary';

/**
 * Why a looser search tier offered this applicant (docs/ARCHITECTURE.md §5.6), so the clerk
 * checks the person before picking: the letters differ from what was typed. Exact matches
 * need no note.
 */
export function matchNote(t: Translate, match: ApplicantSummary['match']): string | null {
  if (match === 'folded') return t('intake.applicant.matchFolded');
  if (match === 'latin') return t('intake.applicant.matchLatin');
  if (match === 'rnokpp_prefix') return t('intake.applicant.matchRnokppPrefix');
  return null;
}
