type ShortcutKey = Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>;

/** Ctrl+L locks the desk at once; by physical key (`code`), so the Ukrainian layout's Ctrl+Д does the same. */
export function isLockShortcut(event: ShortcutKey): boolean {
  return event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey && event.code === 'KeyL';
}
