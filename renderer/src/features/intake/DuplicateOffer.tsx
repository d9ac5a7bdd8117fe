import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { Notice } from '../../kit/Notice';
import { focusSoon } from './focus-field';
import type { PartPath } from './intake-form';
import { pickParty, useIntakeStore } from './intake-store';
import { summaryDetails } from './party-summary';

/**
 * A new person whose identifier is already on file: the people found are offered, so the clerk
 * picks the existing record instead of splitting a person's history over two.
 */
export function DuplicateOffer({ part, nextFieldId }: { part: PartPath; nextFieldId?: string | undefined }) {
  const t = useT();
  const found = useIntakeStore((state) => state.duplicates[part]);
  if (!found || found.length === 0) return null;
  return (
    <Notice
      tone="warning"
      title={t(part === 'applicant' ? 'intake.duplicate.title' : 'intake.duplicate.titlePerson')}
      className="duplicate-offer"
    >
      <ul className="duplicate-list">
        {found.map((person) => {
          const details = summaryDetails(t, person);
          return (
            <li key={person.id}>
              <span>
                <strong>{person.displayName}</strong> {details}
              </span>{' '}
              <Button
                aria-label={t('intake.duplicate.pickNamed', { name: person.displayName })}
                onClick={() => {
                  pickParty(part, person, details);
                  if (nextFieldId) focusSoon(nextFieldId);
                }}
              >
                {t('intake.duplicate.pick')}
              </Button>
            </li>
          );
        })}
      </ul>
    </Notice>
  );
}
