import { useEffect } from 'react';
import { screenForShortcut } from './screen-shortcut';
import { SCREENS } from './screen-list';
import { useShellStore } from './shell-store';

export function useScreenShortcuts(): void {
  const showScreen = useShellStore((state) => state.showScreen);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const screen = screenForShortcut(event, SCREENS);
      if (!screen) return;
      event.preventDefault();
      showScreen(screen.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [showScreen]);
}
