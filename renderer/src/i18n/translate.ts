import type { Dictionary, MessageKey, MessageValues, Translate } from './dictionary';

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; an unknown one is left visible so the gap shows up in review. */
export function formatMessage(template: string, values: MessageValues | undefined): string {
  if (values === undefined) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

export function createTranslate(dictionary: Dictionary): Translate {
  return (key: MessageKey, ...args: [MessageValues?]) => formatMessage(dictionary[key], args[0]);
}
