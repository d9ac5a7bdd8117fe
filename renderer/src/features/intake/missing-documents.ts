/**
 * Required documents left unticked: the form lists them, and registering anyway needs the clerk to
 * record that the applicant insists, with the reason; the backend stores what was missing with it.
 */
import type { RegisterApplicationInput } from '../../../../shared/domain/application';
import type { FieldProblem } from './field-ids';
import type { ChecklistLine, InsistedFields } from './intake-form';

export const INSIST_FIELD = 'insisted.on';
export const INSIST_REASON_FIELD = 'insisted.reason';

/** The catalog's required documents the clerk has not ticked as handed in. */
export function missingRequired(items: readonly ChecklistLine[]): ChecklistLine[] {
  return items.filter((line) => line.fromCatalog && line.required && !line.submitted);
}

export interface InsistCheck {
  errors: FieldProblem[];
  insisted: RegisterApplicationInput['insisted'];
}

/** Nothing to insist on when nothing required is missing: a tick left from before is not sent. */
export function checkInsisted(items: readonly ChecklistLine[], fields: InsistedFields): InsistCheck {
  if (missingRequired(items).length === 0) return { errors: [], insisted: undefined };
  if (!fields.on)
    return { errors: [{ field: INSIST_FIELD, problem: { kind: 'text', key: 'intake.err.missingRequired' } }], insisted: undefined };
  const reason = fields.reason.trim();
  if (reason === '')
    return { errors: [{ field: INSIST_REASON_FIELD, problem: { kind: 'text', key: 'intake.err.insistReason' } }], insisted: undefined };
  return { errors: [], insisted: { reason } };
}
