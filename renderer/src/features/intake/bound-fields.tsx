/**
 * The kit's fields bound to the intake form: the id comes from the field's key, the error and
 * warning from the form's problems, and leaving a field marks it visited (its errors show from then).
 */
import { Checkbox } from '../../kit/Checkbox';
import type { CheckboxProps } from '../../kit/Checkbox';
import { DateInput } from '../../kit/DateInput';
import type { DateInputProps } from '../../kit/DateInput';
import type { FieldCommon } from '../../kit/Field';
import { SelectInput } from '../../kit/SelectInput';
import type { SelectInputProps } from '../../kit/SelectInput';
import { TextInput } from '../../kit/TextInput';
import type { TextInputProps } from '../../kit/TextInput';
import { fieldDomId } from './field-ids';
import type { FieldId } from './field-ids';
import { markVisited } from './intake-store';
import { useFieldProblems, useProblemText } from './problems-context';

type Bound<P> = Omit<P, keyof Binding | 'onBlur'> & { field: FieldId; onLeave?: () => void };
type Binding = Pick<FieldCommon, 'id' | 'error' | 'warning'>;

/** The id, error and warning the kit shows for an intake field, and what leaving it does. */
export function useIntakeField(field: FieldId, onLeave?: () => void): Binding & { onBlur(): void } {
  const problems = useFieldProblems();
  const text = useProblemText();
  const error = problems.error(field);
  const warnings = problems.warnings(field);
  return {
    id: fieldDomId(field),
    error: error ? text(error) : undefined,
    warning: warnings.length > 0 ? warnings.map(text).join(' ') : undefined,
    onBlur: () => {
      onLeave?.();
      markVisited(field);
    },
  };
}

export function IntakeText({ field, onLeave, ...props }: Bound<TextInputProps>) {
  return <TextInput {...props} {...useIntakeField(field, onLeave)} />;
}

export function IntakeDate({ field, onLeave, ...props }: Bound<DateInputProps>) {
  return <DateInput {...props} {...useIntakeField(field, onLeave)} />;
}

export function IntakeSelect<V extends string>({ field, onLeave, ...props }: Bound<SelectInputProps<V>>) {
  return <SelectInput<V> {...props} {...useIntakeField(field, onLeave)} />;
}

export function IntakeCheckbox({ field, onLeave, ...props }: Bound<CheckboxProps>) {
  return <Checkbox {...props} {...useIntakeField(field, onLeave)} />;
}
