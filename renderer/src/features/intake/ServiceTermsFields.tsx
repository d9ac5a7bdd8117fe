import { termsFor } from '../../../../shared/domain/case-terms';
import type { CaseTerms } from '../../../../shared/domain/case-snapshot';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { IntakeCheckbox, IntakeText } from './bound-fields';
import type { ChosenService, TermsFields } from './intake-form';
import { localToday } from '../../app/center-today';
import { setCondition, setExemption, setTier, useIntakeStore } from './intake-store';
import { FeeLines } from '../terms/FeeLines';
import { deadlineText } from '../terms/terms-text';
import { useSubsistenceStore } from '../terms/subsistence-store';

/** The terms registration will store, computed here by the same function; null while the table lacks the year. */
function previewTerms(service: ChosenService, terms: TermsFields, table: Parameters<typeof termsFor>[3]): CaseTerms | null {
  try {
    return termsFor(
      service,
      {
        tierId: terms.tierId || undefined,
        conditions: terms.conditions,
        exemption: terms.exempt ? { reason: terms.exemptionReason || '—' } : null,
      },
      localToday(),
      table,
    );
  } catch {
    return null;
  }
}

/** The chosen service's tier, fee conditions and exemption, with the term and fee they give, live. */
export function ServiceTermsFields({ service }: { service: ChosenService }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const terms = useIntakeStore((state) => state.form.terms);
  const table = useSubsistenceStore((state) => state.table);
  const preview = previewTerms(service, terms, table);
  const tier = service.tiers.find((x) => x.id === terms.tierId) ?? service.tiers[0];
  return (
    <div className="service-terms">
      {service.tiers.length > 1 && (
        <fieldset className="radio-group">
          <legend className="kit-field-label">{t('terms.tier')}</legend>
          {service.tiers.map((x) => (
            <label key={x.id} className="radio">
              <input type="radio" name="intake-tier" value={x.id} checked={tier?.id === x.id} onChange={() => setTier(x.id)} />
              {language === 'uk' ? x.nameUk : x.nameEn}
            </label>
          ))}
        </fieldset>
      )}
      {service.feeConditions.length > 0 && (
        <fieldset className="checkbox-group">
          <legend className="kit-field-label">{t('terms.conditions')}</legend>
          {service.feeConditions.map((c) => (
            <IntakeCheckbox
              key={c.id}
              field={`terms.conditions.${c.id}`}
              label={language === 'uk' ? c.nameUk : c.nameEn}
              checked={terms.conditions.includes(c.id)}
              onChange={(on) => setCondition(c.id, on)}
            />
          ))}
        </fieldset>
      )}
      <IntakeCheckbox
        field="terms.exempt"
        label={t('terms.exemptCheck')}
        checked={terms.exempt}
        onChange={(on) => setExemption(on, terms.exemptionReason)}
      />
      {terms.exempt && (
        <IntakeText
          field="terms.exemptionReason"
          label={t('terms.exemptionReason')}
          value={terms.exemptionReason}
          onChange={(reason) => setExemption(true, reason)}
          size="long"
        />
      )}
      <div className="terms-preview" role="status" aria-live="polite">
        <p>{t('terms.deadline', { deadline: deadlineText(t, language, tier?.deadline ?? null) })}</p>
        {preview ? <FeeLines fee={preview.fee} /> : <p className="warning-text">{t('terms.feeUnknown')}</p>}
      </div>
    </div>
  );
}
