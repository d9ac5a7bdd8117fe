import { useT } from '../../i18n/use-t';
import { IntakeText } from './bound-fields';
import { ContactFields } from './ContactFields';
import { setApplicantField, useIntakeStore } from './intake-store';

export function LegalEntityFields() {
  const t = useT();
  const f = useIntakeStore((state) => state.form.applicant.fields);
  return (
    <div className="kit-field-grid">
      <div className="kit-field-row">
        <IntakeText
          field="applicant.legalName"
          label={t('intake.legal.name')}
          value={f.legalName}
          onChange={(v) => setApplicantField('legalName', v)}
          size="long"
          required
        />
      </div>
      <div className="kit-field-row">
        <IntakeText
          field="applicant.edrpou"
          label={t('intake.legal.edrpou')}
          value={f.edrpou}
          onChange={(v) => setApplicantField('edrpou', v)}
          inputMode="numeric"
          size="short"
        />
        <IntakeText
          field="applicant.rnokpp"
          label={t('intake.legal.rnokpp')}
          value={f.rnokpp}
          onChange={(v) => setApplicantField('rnokpp', v)}
          inputMode="numeric"
          size="short"
          hint={t('intake.legal.rnokppHint')}
        />
      </div>
      <ContactFields />
    </div>
  );
}
