import { expiryRule, ID_DOC_TYPES_OFFERED, needsIssuerCode } from '../../../../shared/validate/id-documents';
import { useT } from '../../i18n/use-t';
import type { IdDocType, PartPath } from './intake-form';
import { lookForDuplicates } from './intake-store';
import { PartyDate, PartySelect, PartyText, usePartyFields } from './party-fields';
import { useDocTypeLabel } from './use-doc-types';

/**
 * A person's identity document: the number is checked by the rules of the chosen type, the issuer
 * is a 4-digit code on an ID card, and "дійсний до" appears where the type prints one.
 */
export function IdDocumentFields({ part }: { part: PartPath }) {
  const t = useT();
  const label = useDocTypeLabel();
  const f = usePartyFields(part);
  // A record of an earlier version may hold a type the form no longer offers: it stays choosable for that person.
  const types: readonly IdDocType[] = ID_DOC_TYPES_OFFERED.includes(f.idDocType)
    ? ID_DOC_TYPES_OFFERED
    : [...ID_DOC_TYPES_OFFERED, f.idDocType];
  const expiry = expiryRule(f.idDocType);
  const code = needsIssuerCode(f.idDocType);
  return (
    <div className="kit-field-row">
      <PartySelect<'idDocType', IdDocType>
        part={part}
        name="idDocType"
        label={t('intake.person.idDocType')}
        options={types.map((value) => ({ value, label: label(value) }))}
      />
      <PartyText
        part={part}
        name="idDocNumber"
        label={t('intake.person.idDocNumber')}
        onLeave={() => void lookForDuplicates(part)}
        required={f.rnokppAbsent !== ''}
        size="medium"
      />
      <PartyDate part={part} name="idDocIssuedOn" label={t('intake.person.idDocIssuedOn')} />
      {expiry !== 'none' && (
        <PartyDate part={part} name="idDocValidUntil" label={t('intake.person.idDocValidUntil')} required={expiry === 'required'} />
      )}
      <PartyText
        part={part}
        name="idDocIssuer"
        label={code ? t('intake.person.idDocIssuerCode') : t('intake.person.idDocIssuer')}
        placeholder={code ? '8032' : undefined}
        inputMode={code ? 'numeric' : undefined}
        maxLength={code ? 4 : undefined}
        size={code ? 'short' : 'medium'}
      />
      <PartySelect<'idDocPresentedAs', 'paper' | 'diia'>
        part={part}
        name="idDocPresentedAs"
        label={t('intake.person.presentedAs')}
        size="medium"
        options={[
          { value: 'paper', label: t('intake.person.presented.paper') },
          { value: 'diia', label: t('intake.person.presented.diia') },
        ]}
      />
    </div>
  );
}
