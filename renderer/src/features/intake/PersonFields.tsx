import { useT } from '../../i18n/use-t';
import { ContactFields } from './ContactFields';
import { fieldDomId } from './field-ids';
import { FieldMessages } from './FieldMessages';
import { ID_DOC_TYPES } from './intake-form';
import { completeFromRnokpp, markVisited, setApplicantField, useIntakeStore } from './intake-store';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { useDocTypeOptions } from './use-doc-types';

export function PersonFields() {
  const t = useT();
  const f = useIntakeStore((state) => state.form.applicant.fields);
  const docTypes = useDocTypeOptions();
  return (
    <div className="field-grid">
      <div className="field-row">
        <TextField field="applicant.surname" label={t('intake.person.surname')} value={f.surname} onChange={(v) => setApplicantField('surname', v)} required />
        <TextField field="applicant.givenName" label={t('intake.person.givenName')} value={f.givenName} onChange={(v) => setApplicantField('givenName', v)} required />
        <TextField field="applicant.patronymic" label={t('intake.person.patronymic')} value={f.patronymic} onChange={(v) => setApplicantField('patronymic', v)} />
      </div>
      <div className="field-row">
        {!f.rnokppRefused && (
          <TextField
            field="applicant.rnokpp"
            label={t('intake.person.rnokpp')}
            value={f.rnokpp}
            onChange={(v) => setApplicantField('rnokpp', v)}
            onLeave={completeFromRnokpp}
            inputMode="numeric"
            size="short"
            required
          />
        )}
        <div className="field field-check">
          <label className="checkbox">
            <input
              id={fieldDomId('applicant.rnokppRefused')}
              type="checkbox"
              checked={f.rnokppRefused}
              onChange={(event) => setApplicantField('rnokppRefused', event.target.checked)}
              onBlur={() => markVisited('applicant.rnokppRefused')}
            />
            {t('intake.person.rnokppRefused')}
          </label>
          <FieldMessages field="applicant.rnokppRefused" hint={f.rnokppRefused ? t('intake.person.rnokppRefusedHint') : undefined} />
        </div>
        <TextField
          field="applicant.birthDate"
          label={t('intake.person.birthDate')}
          value={f.birthDate}
          onChange={(v) => setApplicantField('birthDate', v)}
          placeholder={t('intake.datePlaceholder')}
          size="short"
        />
        <SelectField
          field="applicant.sex"
          label={t('intake.person.sex')}
          value={f.sex}
          size="short"
          options={[
            { value: '', label: t('intake.notStated') },
            { value: 'male', label: t('intake.person.male') },
            { value: 'female', label: t('intake.person.female') },
          ]}
          onChange={(v) => setApplicantField('sex', v)}
        />
      </div>
      <div className="field-row">
        <SelectField
          field="applicant.idDocType"
          label={t('intake.person.idDocType')}
          value={f.idDocType}
          options={ID_DOC_TYPES.map((type) => docTypes.find((o) => o.value === type) ?? { value: type, label: type })}
          onChange={(v) => setApplicantField('idDocType', v)}
        />
        <TextField
          field="applicant.idDocNumber"
          label={t('intake.person.idDocNumber')}
          value={f.idDocNumber}
          onChange={(v) => setApplicantField('idDocNumber', v)}
          required={f.rnokppRefused}
        />
        <TextField
          field="applicant.idDocIssuedOn"
          label={t('intake.person.idDocIssuedOn')}
          value={f.idDocIssuedOn}
          onChange={(v) => setApplicantField('idDocIssuedOn', v)}
          placeholder={t('intake.datePlaceholder')}
          size="short"
        />
        <TextField field="applicant.idDocIssuer" label={t('intake.person.idDocIssuer')} value={f.idDocIssuer} onChange={(v) => setApplicantField('idDocIssuer', v)} size="short" />
      </div>
      <ContactFields
        lead={
          <TextField
            field="applicant.unzr"
            label={t('intake.person.unzr')}
            value={f.unzr}
            onChange={(v) => setApplicantField('unzr', v)}
            placeholder={t('intake.person.unzrPlaceholder')}
            size="short"
          />
        }
      />
    </div>
  );
}
