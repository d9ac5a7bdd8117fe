import type { Application } from '../../../../shared/domain/application';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { FeeLines } from '../terms/FeeLines';
import { deadlineText } from '../terms/terms-text';

/** The terms the case was registered under: the tier, the term as the law words it, the fee lines. */
export function CaseTermsSection({ application }: { application: Application }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const terms = application.terms;
  if (terms === null) return null;
  return (
    <section className="case-terms" aria-labelledby="case-terms-title">
      <h4 id="case-terms-title" className="card-subtitle">
        {t('terms.cardTitle')}
      </h4>
      <p className="terms-tier">
        {t('terms.tier')}: {language === 'uk' ? terms.tier.nameUk : terms.tier.nameEn} ·{' '}
        {deadlineText(t, language, terms.termStated ? terms.deadline : null)}
      </p>
      <FeeLines fee={terms.fee} />
    </section>
  );
}
