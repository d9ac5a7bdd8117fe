import { useT } from '../../i18n/use-t';
import { IntakeCheckbox } from './bound-fields';
import { fieldDomId } from './field-ids';
import { setApplicantRepresents, setSubjectEnabled, useIntakeStore } from './intake-store';
import { PartyBlock } from './PartyBlock';

/**
 * The person the service concerns when it is not the applicant (a child whose birth a parent
 * registers): optional; when the applicant is that person's legal representative, one tick says so.
 */
export function SubjectSection() {
  const t = useT();
  const subject = useIntakeStore((state) => state.form.subject);
  return (
    <section id="intake-subject-section" className="form-section" aria-labelledby="intake-subject-heading">
      <h3 id="intake-subject-heading" className="section-title">
        <span className="section-number" aria-hidden="true">
          2
        </span>
        {t('intake.subject.title')}
      </h3>
      <IntakeCheckbox field="subject.enabled" label={t('intake.subject.enabled')} checked={subject.enabled} onChange={setSubjectEnabled} />
      {subject.enabled && (
        <>
          <PartyBlock
            part="subject.applicant"
            containerId="intake-subject-section"
            nextFieldId={fieldDomId('subject.applicantRepresents')}
          />
          <IntakeCheckbox
            field="subject.applicantRepresents"
            label={t('intake.subject.applicantRepresents')}
            checked={subject.applicantRepresents}
            onChange={setApplicantRepresents}
          />
        </>
      )}
    </section>
  );
}
