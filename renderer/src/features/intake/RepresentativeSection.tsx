import { useT } from '../../i18n/use-t';
import { fieldDomId } from './field-ids';
import { setRepresentative, useIntakeStore } from './intake-store';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { useDocTypeOptions } from './use-doc-types';

export function RepresentativeSection() {
  const t = useT();
  const rep = useIntakeStore((state) => state.form.representative);
  const docTypes = useDocTypeOptions();
  return (
    <section className="form-section" aria-labelledby="intake-rep-heading">
      <h3 id="intake-rep-heading" className="section-title">
        <span className="section-number" aria-hidden="true">2</span>
        {t('intake.rep.title')}
      </h3>
      <label className="checkbox">
        <input
          id={fieldDomId('rep.enabled')}
          type="checkbox"
          checked={rep.enabled}
          onChange={(event) => setRepresentative('enabled', event.target.checked)}
        />
        {t('intake.rep.enabled')}
      </label>
      {rep.enabled && (
        <div className="field-grid">
          <div className="field-row">
            <TextField field="rep.fullName" label={t('intake.rep.fullName')} value={rep.fullName} onChange={(v) => setRepresentative('fullName', v)} size="long" required />
          </div>
          <div className="field-row">
            <SelectField<string>
              field="rep.idDocType"
              label={t('intake.rep.idDocType')}
              value={rep.idDocType}
              options={[{ value: '', label: t('intake.notStated') }, ...docTypes]}
              onChange={(v) => setRepresentative('idDocType', v)}
            />
            <TextField field="rep.idDocNumber" label={t('intake.rep.idDocNumber')} value={rep.idDocNumber} onChange={(v) => setRepresentative('idDocNumber', v)} size="short" />
            <TextField field="rep.poaNumber" label={t('intake.rep.poaNumber')} value={rep.poaNumber} onChange={(v) => setRepresentative('poaNumber', v)} size="short" required />
            <TextField
              field="rep.poaDate"
              label={t('intake.rep.poaDate')}
              value={rep.poaDate}
              onChange={(v) => setRepresentative('poaDate', v)}
              placeholder={t('intake.datePlaceholder')}
              size="short"
              required
            />
          </div>
        </div>
      )}
    </section>
  );
}
