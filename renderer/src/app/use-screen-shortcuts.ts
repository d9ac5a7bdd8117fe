import { useEffect } from 'react';
import { lock } from '../features/auth/auth-store';
import { isLockShortcut } from '../features/auth/lock-shortcut';
import { screenForShortcut } from './screen-shortcut';
import { useShellStore } from './shell-store';
import { useVisibleScreens } from './visible-screens';

/** Alt+digit for the screens the clerk's roles open (a hidden screen's digit does nothing), Ctrl+L to lock. */
export function useScreenShortcuts(): void {
  const showScreen = useShellStore((state) => state.showScreen);
  const screens = useVisibleScreens();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (isLockShortcut(event)) {
        // Also keeps the browser from moving focus to its address bar.
        event.preventDefault();
        void lock();
        return;
      }
      const screen = screenForShortcut(event, screens);
      if (!screen) return;
      event.preventDefault();
      showScreen(screen.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [showScreen, screens]);
}
