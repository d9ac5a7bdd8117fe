/**
 * The fields of one person on the form bound by path: `<PartyText part="representative.applicant"
 * name="surname" … />` reads and writes that person's field, and its id and problems are the
 * field's (`representative.applicant.surname`).
 */
import type { DateInputProps } from '../../kit/DateInput';
import type { SelectInputProps } from '../../kit/SelectInput';
import type { TextInputProps } from '../../kit/TextInput';
import { IntakeDate, IntakeSelect, IntakeText } from './bound-fields';
import type { PartPath, PartyFields } from './intake-form';
import { partyAt } from './intake-form';
import { setPartyField, useIntakeStore } from './intake-store';

/** The party fields holding text (everything but the kind, the choices and the flags). */
export type PartyTextField = {
  [K in keyof PartyFields]: PartyFields[K] extends string ? (string extends PartyFields[K] ? K : never) : never;
}[keyof PartyFields];

export function usePartyFields(part: PartPath): PartyFields {
  return useIntakeStore((state) => partyAt(state.form, part).fields);
}

type Passed<P> = Omit<P, 'id' | 'error' | 'warning' | 'onBlur' | 'value' | 'onChange'> & {
  part: PartPath;
  name: PartyTextField;
  onLeave?: () => void;
};

export function PartyText({ part, name, ...props }: Passed<TextInputProps>) {
  const value = usePartyFields(part)[name];
  return <IntakeText {...props} field={`${part}.${name}`} value={value} onChange={(v) => setPartyField(part, name, v)} />;
}

export function PartyDate({ part, name, ...props }: Passed<DateInputProps>) {
  const value = usePartyFields(part)[name];
  return <IntakeDate {...props} field={`${part}.${name}`} value={value} onChange={(v) => setPartyField(part, name, v)} />;
}

/** A drop-down over one of the person's choice fields; `onChange` gets only the options' values. */
export function PartySelect<K extends keyof PartyFields & string, V extends PartyFields[K] & string>({
  part,
  name,
  ...props
}: Omit<SelectInputProps<V>, 'id' | 'error' | 'warning' | 'onBlur' | 'value' | 'onChange'> & { part: PartPath; name: K }) {
  const value = usePartyFields(part)[name] as V;
  return <IntakeSelect<V> {...props} field={`${part}.${name}`} value={value} onChange={(v) => setPartyField(part, name, v)} />;
}
