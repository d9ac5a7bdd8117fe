import { controlBinding, FieldMessages } from './Field';
import type { FieldCommon } from './Field';

export interface CheckboxProps extends Omit<FieldCommon, 'size'> {
  checked: boolean;
  onChange(checked: boolean): void;
  onBlur?: (() => void) | undefined;
  disabled?: boolean | undefined;
}

/** A checkbox whose label is its text; hint and error sit under it as for any field. */
export function Checkbox({ checked, onChange, onBlur, disabled, ...field }: CheckboxProps) {
  return (
    <div className="kit-checkbox-field">
      <label className="kit-checkbox">
        <input
          {...controlBinding(field)}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(event) => onChange(event.target.checked)}
          onBlur={onBlur}
        />
        <span>{field.label}</span>
      </label>
      <FieldMessages {...field} />
    </div>
  );
}
