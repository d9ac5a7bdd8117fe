import { fieldDomId } from './field-ids';
import type { FieldId } from './field-ids';
import { describedBy, FieldMessages } from './FieldMessages';
import { markVisited } from './intake-store';
import { useFieldProblems } from './problems-context';

interface SelectFieldProps<V extends string> {
  field: FieldId;
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange(value: V): void;
  size?: 'short' | 'medium' | 'long';
}

export function SelectField<V extends string>({ field, label, value, options, onChange, size = 'medium' }: SelectFieldProps<V>) {
  const problems = useFieldProblems();
  const id = fieldDomId(field);
  return (
    <div className={`field field-${size}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={value}
        aria-invalid={problems.error(field) !== undefined || undefined}
        aria-describedby={describedBy(field, false, problems)}
        onChange={(event) => onChange(options.find((o) => o.value === event.target.value)?.value ?? value)}
        onBlur={() => markVisited(field)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages field={field} />
    </div>
  );
}
