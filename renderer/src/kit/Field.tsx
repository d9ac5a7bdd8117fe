import type { ReactNode } from 'react';

export type FieldSize = 'short' | 'medium' | 'long';

/** What every field shows around its control: the words, and the state a screen reader hears. */
export interface FieldCommon {
  /** The control's DOM id; the label, hint and messages derive theirs from it. */
  id: string;
  label: string;
  hint?: string | undefined;
  /** The blocking problem, already in the clerk's language. */
  error?: string | undefined;
  /** A non-blocking note (e.g. "check this date"), shown only when there is no error. */
  warning?: string | undefined;
  required?: boolean | undefined;
  size?: FieldSize | undefined;
}

/** The attributes that tie a control to its field: spread onto the input, select or textarea. */
export interface ControlBinding {
  id: string;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
  'aria-describedby': string | undefined;
}

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;
export const warningId = (id: string) => `${id}-warning`;

/** The ids a control lists in aria-describedby: its hint, then its error or warning. */
export function describedBy({ id, hint, error, warning }: Pick<FieldCommon, 'id' | 'hint' | 'error' | 'warning'>): string | undefined {
  const ids = [hint ? hintId(id) : null, error ? errorId(id) : null, !error && warning ? warningId(id) : null].filter(
    (x): x is string => x !== null,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function controlBinding(field: Pick<FieldCommon, 'id' | 'hint' | 'error' | 'warning' | 'required'>): ControlBinding {
  return {
    id: field.id,
    'aria-invalid': field.error ? true : undefined,
    'aria-required': field.required ? true : undefined,
    'aria-describedby': describedBy(field),
  };
}

/**
 * The hint and the messages under a control. The error sits in a polite live region that is always
 * present, so a message that appears is announced as well as tied to the control.
 */
export function FieldMessages({ id, hint, error, warning }: Pick<FieldCommon, 'id' | 'hint' | 'error' | 'warning'>) {
  return (
    <>
      {hint && (
        <p id={hintId(id)} className="kit-field-hint">
          {hint}
        </p>
      )}
      <div className="kit-field-live" aria-live="polite">
        {error && (
          <p id={errorId(id)} className="kit-field-error">
            {error}
          </p>
        )}
      </div>
      {!error && warning && (
        <p id={warningId(id)} className="kit-field-warning">
          {warning}
        </p>
      )}
    </>
  );
}

/**
 * A labelled form field: label (with the required mark right after its text), the control the
 * caller renders with the binding it is given, hint, error and warning.
 */
export function Field({ children, ...field }: FieldCommon & { children(binding: ControlBinding): ReactNode }) {
  const { id, label, required, size = 'medium', error, warning } = field;
  const classes = ['kit-field', `kit-field-${size}`, error || warning ? 'kit-field-has-message' : null].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      {/* The mark is outside the label, so the control's name is the label alone; both are inline, so it follows the last word. */}
      <span className="kit-field-label-row">
        <label htmlFor={id} className="kit-field-label">
          {label}
        </label>
        {required && (
          <span className="kit-field-required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </span>
      {children(controlBinding(field))}
      <FieldMessages {...field} />
    </div>
  );
}
