import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { IntakeSelect, IntakeText } from './bound-fields';
import { NOTIFY_BY } from './intake-form';
import type { NotifyBy } from './intake-form';
import { setApplicantField, useIntakeStore } from './intake-store';

export function ContactFields({ lead }: { lead?: ReactNode }) {
  const t = useT();
  const f = useIntakeStore((state) => state.form.applicant.fields);
  const notifyLabels: Record<NotifyBy, string> = {
    phone: t('intake.notify.phone'),
    sms: t('intake.notify.sms'),
    email: t('intake.notify.email'),
    post: t('intake.notify.post'),
    none: t('intake.notify.none'),
  };
  return (
    <>
      <div className="kit-field-row">
        {lead}
        <IntakeText
          field="applicant.phone"
          label={t('intake.contact.phone')}
          value={f.phone}
          onChange={(v) => setApplicantField('phone', v)}
          inputMode="tel"
          placeholder="+380"
          size="short"
        />
        <IntakeText
          field="applicant.email"
          label={t('intake.contact.email')}
          value={f.email}
          onChange={(v) => setApplicantField('email', v)}
          inputMode="email"
        />
        <IntakeSelect<'' | NotifyBy>
          field="applicant.notifyBy"
          label={t('intake.contact.notifyBy')}
          value={f.notifyBy}
          options={[{ value: '', label: t('intake.notStated') }, ...NOTIFY_BY.map((value) => ({ value, label: notifyLabels[value] }))]}
          onChange={(v) => setApplicantField('notifyBy', v)}
          size="medium"
        />
      </div>
      <div className="kit-field-row">
        <IntakeText
          field="applicant.address"
          label={t('intake.contact.address')}
          value={f.address}
          onChange={(v) => setApplicantField('address', v)}
          size="long"
        />
      </div>
    </>
  );
}
