import { useT } from '../../i18n/use-t';
import { IntakeCheckbox } from './bound-fields';
import { needsCrossConfirm } from './check-form';
import { ContactFields } from './ContactFields';
import { IdDocumentFields } from './IdDocumentFields';
import type { PartPath, RnokppAbsence } from './intake-form';
import { RNOKPP_ABSENCES } from './intake-form';
import { leaveRnokpp, setPartyField } from './intake-store';
import { NameText } from './NameText';
import { PartyDate, PartySelect, PartyText, usePartyFields } from './party-fields';

/**
 * One person's identity, document, citizenship and contacts: the applicant's, the
 * representative's or the person concerned's, by `part`. A sole trader adds the business fields.
 */
export function PersonBlock({ part }: { part: PartPath }) {
  const t = useT();
  const f = usePartyFields(part);
  const absenceLabels: Record<RnokppAbsence, string> = {
    religious: t('intake.person.absent.religious'),
    foreigner: t('intake.person.absent.foreigner'),
    child: t('intake.person.absent.child'),
    not_assigned: t('intake.person.absent.not_assigned'),
  };
  return (
    <div className="kit-field-grid">
      <div className="kit-field-row">
        <NameText part={part} name="surname" label={t('intake.person.surname')} required />
        <NameText part={part} name="givenName" label={t('intake.person.givenName')} required />
        <NameText part={part} name="patronymic" label={t('intake.person.patronymic')} />
      </div>
      {f.kind === 'sole_trader' && (
        <div className="kit-field-row">
          <NameText part={part} name="businessName" label={t('intake.sole.businessName')} size="long" />
          <PartyText part={part} name="registryRecord" label={t('intake.sole.registryRecord')} size="medium" />
        </div>
      )}
      <div className="kit-field-row">
        {f.rnokppAbsent === '' && (
          <PartyText
            part={part}
            name="rnokpp"
            label={t('intake.person.rnokpp')}
            onLeave={() => leaveRnokpp(part)}
            inputMode="numeric"
            size="short"
            required
          />
        )}
        <PartySelect<'rnokppAbsent', '' | RnokppAbsence>
          part={part}
          name="rnokppAbsent"
          label={t('intake.person.rnokppAbsent')}
          options={[
            { value: '', label: t('intake.person.absent.none') },
            ...RNOKPP_ABSENCES.map((value) => ({ value, label: absenceLabels[value] })),
          ]}
          hint={f.rnokppAbsent === '' ? undefined : t('intake.person.rnokppAbsentHint')}
          size="medium"
        />
        <PartyDate part={part} name="birthDate" label={t('intake.person.birthDate')} />
        <PartySelect<'sex', '' | 'male' | 'female'>
          part={part}
          name="sex"
          label={t('intake.person.sex')}
          size="short"
          options={[
            { value: '', label: t('intake.notStated') },
            { value: 'male', label: t('intake.person.male') },
            { value: 'female', label: t('intake.person.female') },
          ]}
        />
      </div>
      {needsCrossConfirm(f) && (
        <IntakeCheckbox
          field={`${part}.crossConfirmed`}
          label={t('intake.person.crossConfirmed')}
          hint={t('intake.person.crossConfirmedHint')}
          checked={f.crossConfirmed}
          onChange={(checked) => setPartyField(part, 'crossConfirmed', checked)}
        />
      )}
      <IdDocumentFields part={part} />
      <CitizenshipFields part={part} />
      <ContactFields part={part} />
    </div>
  );
}

function CitizenshipFields({ part }: { part: PartPath }) {
  const t = useT();
  const f = usePartyFields(part);
  return (
    <div className="kit-field-row">
      <PartySelect<'citizenship', '' | 'UKR' | 'XXA' | 'other'>
        part={part}
        name="citizenship"
        label={t('intake.person.citizenship')}
        size="medium"
        options={[
          { value: '', label: t('intake.notStated') },
          { value: 'UKR', label: t('intake.citizenship.UKR') },
          { value: 'XXA', label: t('intake.citizenship.XXA') },
          { value: 'other', label: t('intake.citizenship.other') },
        ]}
      />
      {f.citizenship === 'other' && (
        <PartyText
          part={part}
          name="citizenshipCode"
          label={t('intake.person.citizenshipCode')}
          hint={t('intake.person.citizenshipCodeHint')}
          maxLength={3}
          size="short"
          required
        />
      )}
      <PartyText part={part} name="unzr" label={t('intake.person.unzr')} placeholder={t('intake.person.unzrPlaceholder')} size="medium" />
    </div>
  );
}
