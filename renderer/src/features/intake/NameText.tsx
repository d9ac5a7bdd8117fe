import { useT } from '../../i18n/use-t';
import type { TextInputProps } from '../../kit/TextInput';
import type { PartPath } from './intake-form';
import { leaveName, useIntakeStore } from './intake-store';
import type { NameField } from './intake-store';
import { PartyText } from './party-fields';

type NameTextProps = Pick<TextInputProps, 'label' | 'required' | 'size'> & { part: PartPath; name: NameField };

/**
 * A name field cleaned as the clerk leaves it (Latin look-alikes, apostrophes): what was changed
 * is said under the field, so a deliberate spelling can be checked rather than silently rewritten.
 */
export function NameText({ part, name, ...props }: NameTextProps) {
  const t = useT();
  const note = useIntakeStore((state) => state.nameNotes[`${part}.${name}`]);
  const said = [
    note?.lookAlikes ? t('intake.name.lookAlikes') : null,
    note?.apostrophes ? t('intake.name.apostrophes', { apostrophe: note.apostrophe }) : null,
  ].filter((line): line is string => line !== null);
  return (
    <PartyText
      {...props}
      part={part}
      name={name}
      onLeave={() => leaveName(part, name)}
      hint={said.length > 0 ? said.join('. ') : undefined}
    />
  );
}
