/**
 * The panel's one-key shortcuts. Plain letter keys, by physical key (`code`) so the Ukrainian and
 * the English layouts press the same key: the shell owns Alt+digit, the browser owns Ctrl/Alt
 * combinations and most F-keys, and Alt+Shift switches the keyboard layout on Windows. A plain
 * key would be typing in a field, so the panel ignores keys while a field, a dialog or a
 * modifier is involved.
 */
import type { PanelAction } from './panel-actions';

/** Besides the counter actions: the button the served ticket's purpose leads to (intake, issuing). */
export type ShortcutTarget = PanelAction | 'purpose';

export const PANEL_SHORTCUTS: Readonly<Record<ShortcutTarget, { code: string; label: string }>> = {
  call_next: { code: 'KeyN', label: 'N' },
  recall: { code: 'KeyR', label: 'R' },
  arrived: { code: 'KeyA', label: 'A' },
  no_show: { code: 'KeyX', label: 'X' },
  park: { code: 'KeyP', label: 'P' },
  transfer: { code: 'KeyT', label: 'T' },
  finish: { code: 'KeyF', label: 'F' },
  walk_in: { code: 'KeyW', label: 'W' },
  // One key for the desk's break: it pauses, or resumes a paused desk.
  pause: { code: 'KeyB', label: 'B' },
  resume: { code: 'KeyB', label: 'B' },
  purpose: { code: 'KeyI', label: 'I' },
};

type KeyInfo = Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code' | 'repeat'>;

/** The targets a key press asks for (pause and resume share one key; the panel takes the enabled one). */
export function shortcutTargets(event: KeyInfo): ShortcutTarget[] {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.repeat) return [];
  return (Object.keys(PANEL_SHORTCUTS) as ShortcutTarget[]).filter((target) => PANEL_SHORTCUTS[target].code === event.code);
}

/** Keys typed into a field (or a focused select, a button's own Space/Enter) belong to it, not to the panel. */
export function typingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('dialog[open]')) return true;
  return target.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}
