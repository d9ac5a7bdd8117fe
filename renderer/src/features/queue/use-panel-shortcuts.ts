import { useEffect, useRef } from 'react';
import type { ShortcutTarget } from './panel-shortcuts';
import { shortcutTargets, typingTarget } from './panel-shortcuts';

/**
 * The panel's keys (panel-shortcuts.ts): the first of the targets a key names that `press` accepts
 * (it returns false for a disabled one) is pressed. Listens on the window while the panel is shown.
 */
export function usePanelShortcuts(press: (target: ShortcutTarget) => boolean): void {
  const latest = useRef(press);
  latest.current = press;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || typingTarget(event.target)) return;
      for (const target of shortcutTargets(event)) {
        if (latest.current(target)) {
          event.preventDefault();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
