import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { Notice } from '../../kit/Notice';
import { IntakeCheckbox, IntakeText } from './bound-fields';
import type { ChecklistLine, InsistedFields } from './intake-form';
import { INSIST_FIELD, INSIST_REASON_FIELD } from './missing-documents';

interface MissingDocumentsProps {
  missing: readonly ChecklistLine[];
  value: InsistedFields;
  onChange(next: InsistedFields): void;
}

/** The required documents not ticked, and the explicit "the applicant insists" with its reason. */
export function MissingDocuments({ missing, value, onChange }: MissingDocumentsProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  if (missing.length === 0) return null;
  return (
    <div className="missing-documents">
      <Notice tone="warning" title={t('intake.missing.title')} announce={false}>
        <ul>
          {missing.map((line) => (
            <li key={line.key}>{(language === 'uk' ? line.nameUk : line.nameEn) || line.nameUk}</li>
          ))}
        </ul>
      </Notice>
      <IntakeCheckbox
        field={INSIST_FIELD}
        label={t('intake.missing.insist')}
        checked={value.on}
        onChange={(on) => onChange({ ...value, on })}
      />
      {value.on && (
        <IntakeText
          field={INSIST_REASON_FIELD}
          label={t('intake.missing.reason')}
          value={value.reason}
          size="long"
          rows={2}
          maxLength={1000}
          required
          onChange={(reason) => onChange({ ...value, reason })}
        />
      )}
    </div>
  );
}
