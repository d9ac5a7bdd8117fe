import { errorDomId, fieldDomId } from './field-ids';
import type { FieldId } from './field-ids';
import { useFieldProblems, useProblemText } from './problems-context';

/** The ids a control lists in aria-describedby: its hint, its error, its warnings. */
export function describedBy(field: FieldId, hasHint: boolean, problems: ReturnType<typeof useFieldProblems>): string | undefined {
  const ids = [
    hasHint ? `${fieldDomId(field)}-hint` : null,
    problems.error(field) ? errorDomId(field) : null,
    problems.warnings(field).length > 0 ? `${fieldDomId(field)}-warning` : null,
  ].filter((id): id is string => id !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldMessages({ field, hint }: { field: FieldId; hint?: string | undefined }) {
  const problems = useFieldProblems();
  const text = useProblemText();
  const error = problems.error(field);
  const warnings = problems.warnings(field);
  return (
    <>
      {hint && (
        <p id={`${fieldDomId(field)}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorDomId(field)} className="field-error">
          {text(error)}
        </p>
      )}
      {warnings.length > 0 && (
        <p id={`${fieldDomId(field)}-warning`} className="field-warning">
          {warnings.map(text).join(' ')}
        </p>
      )}
    </>
  );
}
