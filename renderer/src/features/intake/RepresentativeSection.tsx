import { useT } from '../../i18n/use-t';
import { Checkbox } from '../../kit/Checkbox';
import { IntakeDate, IntakeSelect, IntakeText } from './bound-fields';
import { fieldDomId } from './field-ids';
import { setRepresentative, useIntakeStore } from './intake-store';
import { useDocTypeOptions } from './use-doc-types';

export function RepresentativeSection() {
  const t = useT();
  const rep = useIntakeStore((state) => state.form.representative);
  const docTypes = useDocTypeOptions();
  return (
    <section className="form-section" aria-labelledby="intake-rep-heading">
      <h3 id="intake-rep-heading" className="section-title">
        <span className="section-number" aria-hidden="true">
          2
        </span>
        {t('intake.rep.title')}
      </h3>
      <Checkbox
        id={fieldDomId('rep.enabled')}
        label={t('intake.rep.enabled')}
        checked={rep.enabled}
        onChange={(checked) => setRepresentative('enabled', checked)}
      />
      {rep.enabled && (
        <div className="kit-field-grid">
          <div className="kit-field-row">
            <IntakeText
              field="rep.fullName"
              label={t('intake.rep.fullName')}
              value={rep.fullName}
              onChange={(v) => setRepresentative('fullName', v)}
              size="long"
              required
            />
          </div>
          <div className="kit-field-row">
            <IntakeSelect<string>
              field="rep.idDocType"
              label={t('intake.rep.idDocType')}
              value={rep.idDocType}
              options={[{ value: '', label: t('intake.notStated') }, ...docTypes]}
              onChange={(v) => setRepresentative('idDocType', v)}
            />
            <IntakeText
              field="rep.idDocNumber"
              label={t('intake.rep.idDocNumber')}
              value={rep.idDocNumber}
              onChange={(v) => setRepresentative('idDocNumber', v)}
              size="short"
            />
            <IntakeText
              field="rep.poaNumber"
              label={t('intake.rep.poaNumber')}
              value={rep.poaNumber}
              onChange={(v) => setRepresentative('poaNumber', v)}
              size="short"
              required
            />
            <IntakeDate
              field="rep.poaDate"
              label={t('intake.rep.poaDate')}
              value={rep.poaDate}
              onChange={(v) => setRepresentative('poaDate', v)}
              required
            />
          </div>
        </div>
      )}
    </section>
  );
}
