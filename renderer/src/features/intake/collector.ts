/** Gathers a form check's problems field by field, running the shared validators on what was typed. */
import type { ValidationCode, ValidationErrorCode, ValidationWarningCode } from '../../../../shared/validate/messages';
import type { Validated } from '../../../../shared/validate/result';
import type { PlainMessageKey } from '../../i18n/dictionary';
import type { FieldId, FieldProblem, Problem } from './field-ids';

export const code = (c: ValidationCode): Problem => ({ kind: 'code', code: c });
export const text = (key: PlainMessageKey): Problem => ({ kind: 'text', key });
export const optional = (raw: string): string | undefined => (raw.trim() === '' ? undefined : raw.trim());

export class Collector {
  readonly errors: FieldProblem[] = [];
  readonly warnings: FieldProblem[] = [];

  error(field: FieldId, problem: Problem): void {
    this.errors.push({ field, problem });
  }

  warn(field: FieldId, problem: Problem): void {
    this.warnings.push({ field, problem });
  }

  /** Runs a shared validator on a non-empty value; gives the normalized value or undefined. */
  check(
    field: FieldId,
    raw: string,
    validate: (value: string) => Validated<ValidationErrorCode, ValidationWarningCode>,
  ): string | undefined {
    if (raw.trim() === '') return undefined;
    const result = validate(raw);
    if (!result.ok) {
      this.error(field, code(result.code));
      return undefined;
    }
    for (const w of result.warnings ?? []) this.warn(field, code(w));
    return result.value;
  }

  required(field: FieldId, raw: string, key: PlainMessageKey): string | undefined {
    const value = raw.trim();
    if (value === '') this.error(field, text(key));
    return value === '' ? undefined : value;
  }
}
