import { forwardRef } from 'react';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { fieldDomId } from './field-ids';
import type { FieldProblem } from './field-ids';
import { fieldLabelKeys } from './field-labels';
import { focusField } from './focus-field';
import { useIntakeStore } from './intake-store';
import { useProblemText } from './problems-context';

/** The problems that block Register, at the top of the form; each one jumps to its field. */
export const ErrorSummary = forwardRef<HTMLDivElement, { problems: readonly FieldProblem[] }>(function ErrorSummary({ problems }, ref) {
  const t = useT();
  const text = useProblemText();
  const language = useLanguageStore((state) => state.language);
  const items = useIntakeStore((state) => state.form.items);
  if (problems.length === 0) return null;

  function label(field: string): string {
    const line = items.find((l) => field.startsWith(`items.${l.key}.`));
    const keys = fieldLabelKeys(field);
    // The applicant's fields read as before; another person's carry their section's title.
    const base = keys.part === null || keys.part === 'intake.applicant.title' ? t(keys.label) : `${t(keys.part)}: ${t(keys.label)}`;
    return line ? `${base} (${(language === 'uk' ? line.nameUk : line.nameEn) || line.nameUk || '…'})` : base;
  }

  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="intake-error-summary-title">
      <p id="intake-error-summary-title" className="error-summary-title">
        {t('intake.summary.title', { count: problems.length })}
      </p>
      <ul>
        {problems.map(({ field, problem }, index) => (
          <li key={`${field}-${index}`}>
            <a
              href={`#${fieldDomId(field)}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(field);
              }}
            >
              {label(field)}: {text(problem)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
