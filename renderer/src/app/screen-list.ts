import type { PlainMessageKey } from '../i18n/dictionary';

export type ScreenId = 'queue' | 'intake' | 'documents' | 'review' | 'applications';

export interface ScreenEntry {
  id: ScreenId;
  label: PlainMessageKey;
  /** Alt+digit switches to the screen; the order follows a clerk's visit. */
  digit: number;
}

/**
 * The sections of the shell, as data only: the shell store, the navigation and the shortcuts
 * read it without importing the screens, which themselves read the shell store.
 */
export const SCREENS: readonly ScreenEntry[] = [
  { id: 'queue', label: 'screen.queue', digit: 1 },
  { id: 'intake', label: 'screen.intake', digit: 2 },
  { id: 'documents', label: 'screen.documents', digit: 3 },
  { id: 'review', label: 'screen.review', digit: 4 },
  { id: 'applications', label: 'screen.applications', digit: 5 },
];
