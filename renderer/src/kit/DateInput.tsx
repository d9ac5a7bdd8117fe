import type { Ref } from 'react';
import { useT } from '../i18n/use-t';
import type { FieldCommon } from './Field';
import { TextInput } from './TextInput';

export interface DateInputProps extends FieldCommon {
  /** As typed, `ДД.ММ.РРРР`; the screen's own check turns it into a day. */
  value: string;
  onChange(value: string): void;
  onBlur?: (() => void) | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
}

/**
 * A day typed as `ДД.ММ.РРРР`. A text input, not `type="date"`: clerks copy dates from paper in
 * this order, and the browser's date picker follows the OS locale instead.
 */
export function DateInput(props: DateInputProps) {
  const t = useT();
  return <TextInput {...props} size={props.size ?? 'short'} inputMode="numeric" placeholder={t('form.datePlaceholder')} />;
}
