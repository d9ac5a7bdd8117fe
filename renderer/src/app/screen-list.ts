import type { Role } from '../../../shared/roles';
import type { PlainMessageKey } from '../i18n/dictionary';

export type ScreenId = 'queue' | 'intake' | 'documents' | 'review' | 'applications';

export interface ScreenEntry {
  id: ScreenId;
  label: PlainMessageKey;
  /** Alt+digit switches to the screen; the order follows a clerk's visit. */
  digit: number;
  /** The role whose work the screen holds; the screen (and its shortcut) is hidden from a session without it. */
  role: Role;
}

/**
 * The sections of the shell, as data only: the shell store, the navigation and the shortcuts
 * read it without importing the screens, which themselves read the shell store.
 */
export const SCREENS: readonly ScreenEntry[] = [
  { id: 'queue', label: 'screen.queue', digit: 1, role: 'clerk' },
  { id: 'intake', label: 'screen.intake', digit: 2, role: 'clerk' },
  { id: 'documents', label: 'screen.documents', digit: 3, role: 'clerk' },
  { id: 'review', label: 'screen.review', digit: 4, role: 'supervisor' },
  { id: 'applications', label: 'screen.applications', digit: 5, role: 'clerk' },
];

/** The screens a session holding `roles` works with, in the navigation's order. */
export function screensFor(roles: readonly Role[]): readonly ScreenEntry[] {
  return SCREENS.filter((screen) => roles.includes(screen.role));
}
