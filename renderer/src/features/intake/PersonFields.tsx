import { useT } from '../../i18n/use-t';
import { IntakeCheckbox, IntakeDate, IntakeSelect, IntakeText } from './bound-fields';
import { ContactFields } from './ContactFields';
import { ID_DOC_TYPES } from './intake-form';
import { completeFromRnokpp, setApplicantField, useIntakeStore } from './intake-store';
import { useDocTypeOptions } from './use-doc-types';

export function PersonFields() {
  const t = useT();
  const f = useIntakeStore((state) => state.form.applicant.fields);
  const docTypes = useDocTypeOptions();
  return (
    <div className="kit-field-grid">
      <div className="kit-field-row">
        <IntakeText
          field="applicant.surname"
          label={t('intake.person.surname')}
          value={f.surname}
          onChange={(v) => setApplicantField('surname', v)}
          required
        />
        <IntakeText
          field="applicant.givenName"
          label={t('intake.person.givenName')}
          value={f.givenName}
          onChange={(v) => setApplicantField('givenName', v)}
          required
        />
        <IntakeText
          field="applicant.patronymic"
          label={t('intake.person.patronymic')}
          value={f.patronymic}
          onChange={(v) => setApplicantField('patronymic', v)}
        />
      </div>
      <div className="kit-field-row">
        {!f.rnokppRefused && (
          <IntakeText
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
        <div className="intake-refusal">
          <IntakeCheckbox
            field="applicant.rnokppRefused"
            label={t('intake.person.rnokppRefused')}
            checked={f.rnokppRefused}
            onChange={(checked) => setApplicantField('rnokppRefused', checked)}
            hint={f.rnokppRefused ? t('intake.person.rnokppRefusedHint') : undefined}
          />
        </div>
        <IntakeDate
          field="applicant.birthDate"
          label={t('intake.person.birthDate')}
          value={f.birthDate}
          onChange={(v) => setApplicantField('birthDate', v)}
        />
        <IntakeSelect
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
      <div className="kit-field-row">
        <IntakeSelect
          field="applicant.idDocType"
          label={t('intake.person.idDocType')}
          value={f.idDocType}
          options={ID_DOC_TYPES.map((type) => docTypes.find((o) => o.value === type) ?? { value: type, label: type })}
          onChange={(v) => setApplicantField('idDocType', v)}
        />
        <IntakeText
          field="applicant.idDocNumber"
          label={t('intake.person.idDocNumber')}
          value={f.idDocNumber}
          onChange={(v) => setApplicantField('idDocNumber', v)}
          required={f.rnokppRefused}
        />
        <IntakeDate
          field="applicant.idDocIssuedOn"
          label={t('intake.person.idDocIssuedOn')}
          value={f.idDocIssuedOn}
          onChange={(v) => setApplicantField('idDocIssuedOn', v)}
        />
        <IntakeText
          field="applicant.idDocIssuer"
          label={t('intake.person.idDocIssuer')}
          value={f.idDocIssuer}
          onChange={(v) => setApplicantField('idDocIssuer', v)}
          size="short"
        />
      </div>
      <ContactFields
        lead={
          <IntakeText
            field="applicant.unzr"
            label={t('intake.person.unzr')}
            value={f.unzr}
            onChange={(v) => setApplicantField('unzr', v)}
            placeholder={t('intake.person.unzrPlaceholder')}
            size="medium"
          />
        }
      />
    </div>
  );
}
