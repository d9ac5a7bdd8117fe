import { useShallow } from 'zustand/react/shallow';
import { screensFor } from './screen-list';
import type { ScreenEntry, ScreenId } from './screen-list';
import { useShellStore } from './shell-store';

/** The screens the working clerk's roles open (none while nobody is). */
export function useVisibleScreens(): readonly ScreenEntry[] {
  return useShellStore(useShallow((state) => (state.clerk ? screensFor(state.clerk.roles) : [])));
}

/**
 * The screen on show: the one last chosen when the clerk's roles open it, else the first they
 * open (a remembered Review is not shown to a clerk); null when they open none (an admin only).
 */
export function useCurrentScreen(): ScreenId | null {
  const screens = useVisibleScreens();
  const chosen = useShellStore((state) => state.screen);
  return screens.some((screen) => screen.id === chosen) ? chosen : (screens[0]?.id ?? null);
}
