import { useT } from '../../i18n/use-t';
import { PARTY_LABELS } from './field-labels';
import { ADDRESS_PARTS, NOTIFY_BY } from './intake-form';
import type { AddressPartField, NotifyBy, PartPath } from './intake-form';
import { PartySelect, PartyText } from './party-fields';

const SHORT: ReadonlySet<AddressPartField> = new Set(['addressBuilding', 'addressFlat', 'addressPostcode']);

/** A person's phone, e-mail, how to notify them, and the address in parts with free text for the rest. */
export function ContactFields({ part }: { part: PartPath }) {
  const t = useT();
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
        <PartyText part={part} name="phone" label={t('intake.contact.phone')} inputMode="tel" placeholder="+380" size="short" />
        <PartyText part={part} name="email" label={t('intake.contact.email')} inputMode="email" />
        <PartySelect<'notifyBy', '' | NotifyBy>
          part={part}
          name="notifyBy"
          label={t('intake.contact.notifyBy')}
          options={[{ value: '', label: t('intake.notStated') }, ...NOTIFY_BY.map((value) => ({ value, label: notifyLabels[value] }))]}
          size="medium"
        />
      </div>
      <fieldset className="kit-field-row address-parts">
        <legend className="kit-field-label">{t('intake.contact.address')}</legend>
        {ADDRESS_PARTS.map((name) => (
          <PartyText
            key={name}
            part={part}
            name={name}
            label={t(PARTY_LABELS[name])}
            size={SHORT.has(name) ? 'short' : 'medium'}
            inputMode={name === 'addressPostcode' ? 'numeric' : undefined}
          />
        ))}
        <PartyText part={part} name="address" label={t('intake.address.rest')} size="long" />
      </fieldset>
    </>
  );
}
