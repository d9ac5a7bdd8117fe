import { fieldDomId } from './field-ids';
import type { FieldId } from './field-ids';

/** The intake form's DOM id: a resumed draft puts focus into it, so Ctrl+Enter works at once. */
export const INTAKE_FORM_ID = 'intake-form';

/** Moves focus to a field (and scrolls it into view); false when it is not on screen. */
export function focusField(field: FieldId): boolean {
  const element = document.getElementById(fieldDomId(field));
  if (!(element instanceof HTMLElement)) return false;
  element.focus();
  element.scrollIntoView({ block: 'center' });
  return true;
}

/** The first control marked invalid, in the order the form shows them. */
export function focusFirstInvalid(root: HTMLElement | null): boolean {
  const element = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!element) return false;
  element.focus();
  element.scrollIntoView({ block: 'center' });
  return true;
}

/** After the next render: focus the element with this id (a control that is about to appear). */
export function focusSoon(domId: string): void {
  requestAnimationFrame(() => document.getElementById(domId)?.focus());
}

/** After the next render: focus the first empty text box inside the element with this id. */
export function focusFirstEmptySoon(containerId: string): void {
  requestAnimationFrame(() => {
    const inputs = document.getElementById(containerId)?.querySelectorAll<HTMLInputElement>('input[type="text"]') ?? [];
    const target = Array.from(inputs).find((input) => input.value === '') ?? inputs[0];
    target?.focus();
  });
}
