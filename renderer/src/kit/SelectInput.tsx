import type { Ref } from 'react';
import { Field } from './Field';
import type { FieldCommon } from './Field';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectInputProps<V extends string> extends FieldCommon {
  value: V;
  options: ReadonlyArray<SelectOption<V>>;
  onChange(value: V): void;
  onBlur?: (() => void) | undefined;
  disabled?: boolean | undefined;
  inputRef?: Ref<HTMLSelectElement> | undefined;
}

/** A labelled drop-down; `onChange` only ever receives one of the given option values. */
export function SelectInput<V extends string>({ value, options, onChange, onBlur, disabled, inputRef, ...field }: SelectInputProps<V>) {
  return (
    <Field {...field}>
      {(binding) => (
        <select
          {...binding}
          ref={inputRef}
          className="kit-input"
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(options.find((o) => o.value === event.target.value)?.value ?? value)}
          onBlur={onBlur}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
