import type { MessageKey, PlainMessageKey, Translate } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { IntakeCheckbox, IntakeDate, IntakeSelect, IntakeText } from './bound-fields';
import { BASES, LEGAL_DOCUMENTS, requiredFor, shownFor, withBasis } from './authority-form';
import type { Basis, LegalDocument } from './authority-form';
import type { AuthorityFields as Fields } from './intake-form';
import { setAuthority, useIntakeStore } from './intake-store';

export const basisLabel = (t: Translate, basis: Basis): string => t(`intake.authority.basis.${basis}` satisfies MessageKey);
export const legalDocumentLabel = (t: Translate, doc: LegalDocument): string =>
  t(`intake.authority.legalDocument.${doc}` satisfies MessageKey);

/** The document's number is called what the paper calls it. */
function numberLabel(f: Fields): PlainMessageKey {
  switch (f.basis) {
    case 'poa_notarised':
      return 'intake.authority.number.poa_notarised';
    case 'poa_simple':
    case 'poa_electronic':
      return 'intake.authority.number.poa';
    case 'legal_representative':
      return f.legalDocument === 'guardianship_decision'
        ? 'intake.authority.number.guardianship_decision'
        : 'intake.authority.number.birth_certificate';
    case 'advocate':
      return 'intake.authority.number.advocate';
    default:
      return 'intake.authority.number.other';
  }
}

function dateLabel(f: Fields): PlainMessageKey {
  if (f.basis.startsWith('poa_')) return 'intake.authority.date.poa';
  return f.basis === 'advocate' ? 'intake.authority.date.advocate' : 'intake.authority.date.other';
}

const id = (field: keyof Fields) => `representative.authority.${field}`;

/**
 * What a representative's authority rests on: the basis, then only what that basis needs (the
 * notary for a notarised power of attorney, the birth certificate for a parent, the register check
 * for a company head…), an optional end date and whether it covers receiving the result.
 */
export function AuthorityFields({ fixedBasis }: { fixedBasis?: boolean | undefined }) {
  const t = useT();
  const f = useIntakeStore((state) => state.form.representative.authority);
  const shown: ReadonlySet<string> = shownFor(f.basis);
  const required = requiredFor(f.basis);
  const chooseBasis = (basis: string) => {
    const next = withBasis(f, basis);
    setAuthority('basis', next.basis);
    setAuthority('mayReceiveResult', next.mayReceiveResult);
  };
  return (
    <fieldset className="authority-fields">
      <legend className="kit-field-label">{t('intake.rep.authority')}</legend>
      <div className="kit-field-row">
        <IntakeSelect<string>
          field={id('basis')}
          label={t('intake.authority.basis')}
          value={f.basis}
          size="long"
          required
          disabled={fixedBasis}
          options={[
            { value: '', label: t('intake.authority.chooseBasis') },
            ...BASES.map((basis) => ({ value: basis, label: basisLabel(t, basis) })),
          ]}
          onChange={chooseBasis}
        />
        {shown.has('legalDocument') && (
          <IntakeSelect<string>
            field={id('legalDocument')}
            label={t('intake.authority.legalDocument')}
            value={f.legalDocument}
            size="long"
            required={required.has('legalDocument')}
            options={[
              { value: '', label: t('intake.notStated') },
              ...LEGAL_DOCUMENTS.map((doc) => ({ value: doc, label: legalDocumentLabel(t, doc) })),
            ]}
            onChange={(v) => setAuthority('legalDocument', v)}
          />
        )}
      </div>
      {shown.has('description') && (
        <IntakeText
          field={id('description')}
          label={t('intake.authority.description')}
          value={f.description}
          size="long"
          rows={2}
          required={required.has('description')}
          onChange={(v) => setAuthority('description', v)}
        />
      )}
      {(shown.has('documentNumber') || shown.has('documentDate') || shown.has('validUntil')) && (
        <div className="kit-field-row">
          {shown.has('documentNumber') && (
            <IntakeText
              field={id('documentNumber')}
              label={t(numberLabel(f))}
              value={f.documentNumber}
              required={required.has('documentNumber')}
              onChange={(v) => setAuthority('documentNumber', v)}
            />
          )}
          {shown.has('documentDate') && (
            <IntakeDate
              field={id('documentDate')}
              label={t(dateLabel(f))}
              value={f.documentDate}
              required={required.has('documentDate')}
              onChange={(v) => setAuthority('documentDate', v)}
            />
          )}
          {shown.has('validUntil') && (
            <IntakeDate
              field={id('validUntil')}
              label={t('intake.authority.validUntil')}
              value={f.validUntil}
              onChange={(v) => setAuthority('validUntil', v)}
            />
          )}
        </div>
      )}
      {shown.has('notary') && (
        <IntakeText
          field={id('notary')}
          label={t('intake.authority.notary')}
          value={f.notary}
          size="long"
          required={required.has('notary')}
          onChange={(v) => setAuthority('notary', v)}
        />
      )}
      {shown.has('registryChecked') && (
        <IntakeCheckbox
          field={id('registryChecked')}
          label={t('intake.authority.registryChecked')}
          checked={f.registryChecked}
          required={required.has('registryChecked')}
          onChange={(v) => setAuthority('registryChecked', v)}
        />
      )}
      {f.basis !== '' && (
        <IntakeCheckbox
          field={id('mayReceiveResult')}
          label={t('intake.authority.mayReceiveResult')}
          checked={f.mayReceiveResult}
          onChange={(v) => setAuthority('mayReceiveResult', v)}
        />
      )}
    </fieldset>
  );
}
