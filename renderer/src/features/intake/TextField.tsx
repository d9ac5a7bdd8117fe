import type { ChangeEvent } from 'react';
import { fieldDomId } from './field-ids';
import type { FieldId } from './field-ids';
import { describedBy, FieldMessages } from './FieldMessages';
import { markVisited } from './intake-store';
import { useFieldProblems } from './problems-context';

interface TextFieldProps {
  field: FieldId;
  label: string;
  value: string;
  onChange(value: string): void;
  onLeave?: () => void;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  size?: 'short' | 'medium' | 'long';
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  placeholder?: string;
}

/** A labelled input with its hint, error and warnings underneath, tied together for screen readers. */
export function TextField({ field, label, value, onChange, onLeave, hint, required, multiline, size = 'medium', inputMode, placeholder }: TextFieldProps) {
  const problems = useFieldProblems();
  const id = fieldDomId(field);
  const invalid = problems.error(field) !== undefined;
  const common = {
    id,
    value,
    placeholder,
    'aria-invalid': invalid || undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy(field, hint !== undefined, problems),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value),
    onBlur: () => {
      onLeave?.();
      markVisited(field);
    },
  };
  return (
    <div className={`field field-${size}`}>
      {/* The asterisk stays outside the label, so the control's name is the label alone. */}
      <span className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {required && (
          <span className="field-required" aria-hidden="true">
            *
          </span>
        )}
      </span>
      {multiline ? (
        <textarea {...common} rows={3} className="input" />
      ) : (
        <input {...common} type="text" className="input" inputMode={inputMode} autoComplete="off" spellCheck={false} />
      )}
      <FieldMessages field={field} hint={hint} />
    </div>
  );
}
