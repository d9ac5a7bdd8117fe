import type { ScreenEntry } from './screen-list';

type ShortcutKey = Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>;

/**
 * Alt+digit by physical key (`code`), so the Ukrainian and English layouts behave the same.
 * Other modifiers are excluded so AltGr (Ctrl+Alt on Windows) still types characters.
 */
export function screenForShortcut(event: ShortcutKey, screens: readonly ScreenEntry[]): ScreenEntry | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  const match = /^(?:Digit|Numpad)(\d)$/.exec(event.code);
  if (!match) return undefined;
  const digit = Number(match[1]);
  return screens.find((screen) => screen.digit === digit);
}
