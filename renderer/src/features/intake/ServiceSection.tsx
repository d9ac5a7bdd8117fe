import { useEffect } from 'react';
import type { Service } from '../../../../shared/domain/service';
import { api } from '../../api';
import { SearchCombobox } from '../../components/SearchCombobox';
import type { ComboOption } from '../../components/SearchCombobox';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { describedBy, FieldMessages } from '../../kit/Field';
import { useIntakeField } from './bound-fields';
import { ChecklistSection } from './ChecklistSection';
import { ServiceTermsFields } from './ServiceTermsFields';
import { fieldDomId } from './field-ids';
import { localToday } from '../../app/center-today';
import { clearService, pickService, useIntakeStore } from './intake-store';
import { serviceTerms } from '../terms/terms-text';
import { loadSubsistence, useSubsistenceStore } from '../terms/subsistence-store';
import { focusSoon } from './focus-field';

type ServiceOption = ComboOption & { service: Service };

export function ServiceSection() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const service = useIntakeStore((state) => state.form.service);
  const serviceField = useIntakeField('service');
  const table = useSubsistenceStore((state) => state.table);
  useEffect(() => {
    void loadSubsistence();
  }, []);

  async function search(q: string): Promise<ServiceOption[]> {
    const result = await api.call('catalog.search', { q });
    if (!result.ok) return [];
    return result.value.map((s) => ({
      id: s.id,
      label: `${s.code} · ${language === 'uk' ? s.nameUk : s.nameEn}`,
      detail: serviceTerms(t, language, s, localToday(), table),
      service: s,
    }));
  }

  return (
    <section className="form-section" aria-labelledby="intake-service-heading">
      <h3 id="intake-service-heading" className="section-title">
        <span className="section-number" aria-hidden="true">
          4
        </span>
        {t('intake.service.title')}
      </h3>
      {service === null ? (
        <>
          <SearchCombobox<ServiceOption>
            inputId={fieldDomId('service')}
            label={t('intake.service.search')}
            placeholder={t('intake.service.searchPlaceholder')}
            search={search}
            onPick={(option) => {
              pickService(option.service);
              // The search is gone: the next step is ticking the documents received.
              requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.checklist input[type="checkbox"]')?.focus());
            }}
            invalid={serviceField.error !== undefined}
            describedBy={describedBy(serviceField)}
            noResults={t('intake.service.noResults')}
            searching={t('intake.searching')}
            onBlur={serviceField.onBlur}
          />
          <FieldMessages {...serviceField} />
        </>
      ) : (
        <>
          <div className="chosen-card">
            <div>
              <p className="chosen-title">
                <span className="service-code">{service.code}</span> {language === 'uk' ? service.nameUk : service.nameEn}
              </p>
              <p className="muted">{serviceTerms(t, language, service, localToday(), table)}</p>
              <FieldMessages {...serviceField} />
            </div>
            <div className="chosen-actions">
              <Button
                id={fieldDomId('service')}
                aria-invalid={serviceField.error !== undefined || undefined}
                aria-describedby={describedBy(serviceField)}
                onClick={() => {
                  clearService();
                  focusSoon(fieldDomId('service'));
                }}
              >
                {t('intake.service.change')}
              </Button>
            </div>
          </div>
          <ServiceTermsFields service={service} />
          <ChecklistSection />
        </>
      )}
    </section>
  );
}
