import { useT } from '../../i18n/use-t';
import { fieldDomId } from './field-ids';
import { PartyBlock } from './PartyBlock';

export function ApplicantSection() {
  const t = useT();
  return (
    <section id="intake-applicant-section" className="form-section" aria-labelledby="intake-applicant-heading">
      <h3 id="intake-applicant-heading" className="section-title">
        <span className="section-number" aria-hidden="true">
          1
        </span>
        {t('intake.applicant.title')}
      </h3>
      {/* Once the applicant is picked, the next step is the person concerned, if any. */}
      <PartyBlock part="applicant" containerId="intake-applicant-section" nextFieldId={fieldDomId('subject.enabled')} />
    </section>
  );
}
