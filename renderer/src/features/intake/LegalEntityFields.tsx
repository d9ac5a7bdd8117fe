import { useT } from '../../i18n/use-t';
import { ContactFields } from './ContactFields';
import type { PartPath } from './intake-form';
import { lookForDuplicates } from './intake-store';
import { NameText } from './NameText';
import { PartyText } from './party-fields';

export function LegalEntityFields({ part }: { part: PartPath }) {
  const t = useT();
  return (
    <div className="kit-field-grid">
      <div className="kit-field-row">
        <NameText part={part} name="legalName" label={t('intake.legal.name')} size="long" required />
      </div>
      <div className="kit-field-row">
        <PartyText
          part={part}
          name="edrpou"
          label={t('intake.legal.edrpou')}
          onLeave={() => void lookForDuplicates(part)}
          inputMode="numeric"
          size="short"
          required
        />
      </div>
      <ContactFields part={part} />
    </div>
  );
}
