import type { ComponentType } from 'react';
import { ApplicationsScreen } from '../features/applications/ApplicationsScreen';
import { DocumentsScreen } from '../features/documents/DocumentsScreen';
import { IntakeScreen } from '../features/intake/IntakeScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import type { PlainMessageKey } from '../i18n/dictionary';

export type ScreenId = 'queue' | 'intake' | 'documents' | 'review' | 'applications';

export interface ScreenEntry {
  id: ScreenId;
  label: PlainMessageKey;
  /** Alt+digit switches to the screen; the order follows a clerk's visit. */
  digit: number;
}

export const SCREENS: readonly ScreenEntry[] = [
  { id: 'queue', label: 'screen.queue', digit: 1 },
  { id: 'intake', label: 'screen.intake', digit: 2 },
  { id: 'documents', label: 'screen.documents', digit: 3 },
  { id: 'review', label: 'screen.review', digit: 4 },
  { id: 'applications', label: 'screen.applications', digit: 5 },
];

export const SCREEN_COMPONENTS: Readonly<Record<ScreenId, ComponentType>> = {
  queue: QueueScreen,
  intake: IntakeScreen,
  documents: DocumentsScreen,
  review: ReviewScreen,
  applications: ApplicationsScreen,
};
