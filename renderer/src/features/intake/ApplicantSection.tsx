import { useState } from 'react';
import type { ApplicantSummary } from '../../../../shared/domain/applicant';
import { api } from '../../api';
import { SearchCombobox } from '../../components/SearchCombobox';
import type { ComboOption } from '../../components/SearchCombobox';
import type { Translate } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { describedBy, FieldMessages } from '../../kit/Field';
import { formatDay } from '../../lib/format';
import { useIntakeField } from './bound-fields';
import { fieldDomId } from './field-ids';
import { focusFirstEmptySoon, focusSoon } from './focus-field';
import { clearApplicant, editApplicant, newApplicant, pickApplicant, setApplicantField, useIntakeStore } from './intake-store';
import { LegalEntityFields } from './LegalEntityFields';
import { matchNote } from './match-note';
import { PersonFields } from './PersonFields';

type ApplicantOption = ComboOption & { summary: ApplicantSummary };

function details(t: Translate, a: ApplicantSummary): string {
  return [
    matchNote(t, a.match),
    a.birthDate ? t('intake.applicant.born', { date: formatDay(a.birthDate) }) : null,
    a.rnokpp ? t('intake.applicant.rnokppShort', { value: a.rnokpp }) : null,
    a.edrpou ? t('intake.applicant.edrpouShort', { value: a.edrpou }) : null,
    a.idDocNumber ? t('intake.applicant.docShort', { value: a.idDocNumber }) : null,
    a.phone,
  ]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ');
}

export function ApplicantSection() {
  const t = useT();
  const applicant = useIntakeStore((state) => state.form.applicant);
  const searchField = useIntakeField('applicant.search');
  const [query, setQuery] = useState('');

  async function search(q: string): Promise<ApplicantOption[]> {
    const result = await api.call('applicants.search', { q, limit: 8 });
    if (!result.ok) return [];
    return result.value.map((a) => ({ id: a.id, label: a.displayName, detail: details(t, a), summary: a }));
  }

  return (
    <section id="intake-applicant-section" className="form-section" aria-labelledby="intake-applicant-heading">
      <h3 id="intake-applicant-heading" className="section-title">
        <span className="section-number" aria-hidden="true">
          1
        </span>
        {t('intake.applicant.title')}
      </h3>
      {applicant.mode === 'search' && (
        <div className="applicant-search">
          <SearchCombobox<ApplicantOption>
            inputId={fieldDomId('applicant.search')}
            label={t('intake.applicant.search')}
            placeholder={t('intake.applicant.searchPlaceholder')}
            search={search}
            query={query}
            onQueryChange={setQuery}
            onPick={(option) => {
              pickApplicant(option.summary, option.detail ?? '');
              // The search is gone: the next step is the representative.
              focusSoon(fieldDomId('rep.enabled'));
            }}
            autoFocus
            minLength={2}
            invalid={searchField.error !== undefined}
            describedBy={describedBy(searchField)}
            noResults={t('intake.applicant.noResults')}
            searching={t('intake.searching')}
            onBlur={searchField.onBlur}
          >
            <Button
              onClick={() => {
                newApplicant(query);
                focusFirstEmptySoon('intake-applicant-section');
              }}
            >
              {t('intake.applicant.new')}
            </Button>
          </SearchCombobox>
          <FieldMessages {...searchField} />
        </div>
      )}
      {applicant.mode === 'existing' && applicant.summary && (
        <div className="chosen-card">
          <div>
            <p className="chosen-title">{applicant.summary.displayName}</p>
            <p className="muted">{applicant.summary.details}</p>
          </div>
          <div className="chosen-actions">
            <Button onClick={() => void editApplicant().then(() => focusFirstEmptySoon('intake-applicant-section'))}>
              {t('intake.applicant.edit')}
            </Button>
            <Button
              onClick={() => {
                clearApplicant();
                focusSoon(fieldDomId('applicant.search'));
              }}
            >
              {t('intake.applicant.other')}
            </Button>
          </div>
        </div>
      )}
      {applicant.mode === 'form' && (
        <>
          <div className="form-toolbar">
            <fieldset className="radio-group">
              <legend className="kit-field-label">{t('intake.applicant.kind')}</legend>
              {(['person', 'legal_entity'] as const).map((kind) => (
                <label key={kind} className="radio">
                  <input
                    type="radio"
                    name="applicant-kind"
                    value={kind}
                    checked={applicant.fields.kind === kind}
                    onChange={() => setApplicantField('kind', kind)}
                  />
                  {t(kind === 'person' ? 'intake.applicant.person' : 'intake.applicant.legal')}
                </label>
              ))}
            </fieldset>
            {applicant.id !== null && <p className="muted">{t('intake.applicant.editing')}</p>}
            <Button
              variant="quiet"
              onClick={() => {
                clearApplicant();
                focusSoon(fieldDomId('applicant.search'));
              }}
            >
              {t('intake.applicant.backToSearch')}
            </Button>
          </div>
          {applicant.fields.kind === 'person' ? <PersonFields /> : <LegalEntityFields />}
        </>
      )}
    </section>
  );
}
