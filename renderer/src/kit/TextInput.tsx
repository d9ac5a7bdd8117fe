import type { Ref } from 'react';
import { Field } from './Field';
import type { FieldCommon } from './Field';

export interface TextInputProps extends FieldCommon {
  value: string;
  onChange(value: string): void;
  onBlur?: (() => void) | undefined;
  placeholder?: string | undefined;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email' | undefined;
  maxLength?: number | undefined;
  /** `password` hides what is typed (sign-in, unlock, a new password). */
  type?: 'text' | 'search' | 'password' | undefined;
  /** A textarea of this many rows instead of a one-line input. */
  rows?: number | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
  textareaRef?: Ref<HTMLTextAreaElement> | undefined;
}

/** A labelled one-line (or, with `rows`, multi-line) text field. */
export function TextInput({
  value,
  onChange,
  onBlur,
  placeholder,
  inputMode,
  maxLength,
  type = 'text',
  rows,
  inputRef,
  textareaRef,
  ...field
}: TextInputProps) {
  const common = { className: 'kit-input', value, placeholder, maxLength, onBlur };
  return (
    <Field {...field}>
      {(binding) =>
        rows ? (
          <textarea {...binding} {...common} ref={textareaRef} rows={rows} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input
            {...binding}
            {...common}
            ref={inputRef}
            type={type}
            inputMode={inputMode}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}
