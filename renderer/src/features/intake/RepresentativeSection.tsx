import { useT } from '../../i18n/use-t';
import { Checkbox } from '../../kit/Checkbox';
import { fieldDomId } from './field-ids';
import { setRepresentativeEnabled, useIntakeStore } from './intake-store';
import { PartyBlock } from './PartyBlock';

export function RepresentativeSection() {
  const t = useT();
  const enabled = useIntakeStore((state) => state.form.representative.enabled);
  return (
    <section id="intake-rep-section" className="form-section" aria-labelledby="intake-rep-heading">
      <h3 id="intake-rep-heading" className="section-title">
        <span className="section-number" aria-hidden="true">
          2
        </span>
        {t('intake.rep.title')}
      </h3>
      <Checkbox
        id={fieldDomId('representative.enabled')}
        label={t('intake.rep.enabled')}
        checked={enabled}
        onChange={setRepresentativeEnabled}
      />
      {enabled && <PartyBlock part="representative.applicant" containerId="intake-rep-section" />}
    </section>
  );
}
