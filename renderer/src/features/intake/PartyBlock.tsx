import { useState } from 'react';
import type { ApplicantSummary } from '../../../../shared/domain/applicant';
import { api } from '../../api';
import { SearchCombobox } from '../../components/SearchCombobox';
import type { ComboOption } from '../../components/SearchCombobox';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { describedBy, FieldMessages } from '../../kit/Field';
import { useIntakeField } from './bound-fields';
import { DuplicateOffer } from './DuplicateOffer';
import { fieldDomId } from './field-ids';
import { SEARCH_LABEL } from './field-labels';
import { focusFirstEmptySoon, focusSoon } from './focus-field';
import { APPLICANT_KINDS } from './intake-form';
import type { ApplicantKind, PartPath } from './intake-form';
import { partyAt } from './intake-form';
import { clearParty, editPartyRecord, newParty, pickParty, setPartyField, useIntakeStore } from './intake-store';
import { LegalEntityFields } from './LegalEntityFields';
import { summaryDetails } from './party-summary';
import { PersonBlock } from './PersonFields';

type PartyOption = ComboOption & { summary: ApplicantSummary };

const KIND_LABELS = {
  person: 'intake.applicant.person',
  sole_trader: 'intake.applicant.soleTrader',
  legal_entity: 'intake.applicant.legal',
} as const;

export interface PartyBlockProps {
  part: PartPath;
  /** The id of a wrapper element: "new person" puts focus on its first empty field. */
  containerId: string;
  /** Where focus goes once a person is picked from the search (the next step of the form). */
  nextFieldId?: string;
}

/**
 * One person on the form: found on file, or entered anew (or corrected). The applicant may be a
 * person, a sole trader or a legal entity; a representative and the person concerned are persons.
 */
export function PartyBlock({ part, containerId, nextFieldId }: PartyBlockProps) {
  const t = useT();
  const party = useIntakeStore((state) => partyAt(state.form, part));
  const searchField = useIntakeField(`${part}.search`);
  const [query, setQuery] = useState('');
  const kinds: readonly ApplicantKind[] = part === 'applicant' ? APPLICANT_KINDS : [];
  const toSearch = () => {
    clearParty(part);
    focusSoon(fieldDomId(`${part}.search`));
  };

  async function search(q: string): Promise<PartyOption[]> {
    const result = await api.call('applicants.search', { q, limit: 8 });
    if (!result.ok) return [];
    return result.value.map((a) => ({ id: a.id, label: a.displayName, detail: summaryDetails(t, a), summary: a }));
  }

  return (
    <>
      {party.mode === 'search' && (
        <div className="applicant-search">
          <SearchCombobox<PartyOption>
            inputId={fieldDomId(`${part}.search`)}
            label={t(SEARCH_LABEL[part])}
            placeholder={t('intake.applicant.searchPlaceholder')}
            search={search}
            query={query}
            onQueryChange={setQuery}
            onPick={(option) => {
              pickParty(part, option.summary, option.detail ?? '');
              if (nextFieldId) focusSoon(nextFieldId);
            }}
            autoFocus={part === 'applicant'}
            minLength={2}
            invalid={searchField.error !== undefined}
            describedBy={describedBy(searchField)}
            noResults={t('intake.applicant.noResults')}
            searching={t('intake.searching')}
            onBlur={searchField.onBlur}
          >
            <Button
              onClick={() => {
                newParty(part, query);
                focusFirstEmptySoon(containerId);
              }}
            >
              {t(part === 'applicant' ? 'intake.applicant.new' : 'intake.party.new')}
            </Button>
          </SearchCombobox>
          <FieldMessages {...searchField} />
        </div>
      )}
      {party.mode === 'existing' && party.summary && (
        <div className="chosen-card">
          <div>
            <p className="chosen-title">{party.summary.displayName}</p>
            <p className="muted">{party.summary.details}</p>
          </div>
          <div className="chosen-actions">
            <Button onClick={() => void editPartyRecord(part).then(() => focusFirstEmptySoon(containerId))}>
              {t('intake.applicant.edit')}
            </Button>
            <Button onClick={toSearch}>{t(part === 'applicant' ? 'intake.applicant.other' : 'intake.party.other')}</Button>
          </div>
        </div>
      )}
      {party.mode === 'form' && (
        <>
          <div className="form-toolbar">
            {kinds.length > 0 && (
              <fieldset className="radio-group">
                <legend className="kit-field-label">{t('intake.applicant.kind')}</legend>
                {kinds.map((kind) => (
                  <label key={kind} className="radio">
                    <input
                      type="radio"
                      name={`${part}-kind`}
                      value={kind}
                      checked={party.fields.kind === kind}
                      onChange={() => setPartyField(part, 'kind', kind)}
                    />
                    {t(KIND_LABELS[kind])}
                  </label>
                ))}
              </fieldset>
            )}
            {party.id !== null && <p className="muted">{t('intake.applicant.editing')}</p>}
            <Button variant="quiet" onClick={toSearch}>
              {t('intake.applicant.backToSearch')}
            </Button>
          </div>
          <DuplicateOffer part={part} nextFieldId={nextFieldId} />
          {party.fields.kind === 'legal_entity' ? <LegalEntityFields part={part} /> : <PersonBlock part={part} />}
        </>
      )}
    </>
  );
}
