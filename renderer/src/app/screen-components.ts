import type { ComponentType } from 'react';
import { ApplicationsScreen } from '../features/applications/ApplicationsScreen';
import { DocumentsScreen } from '../features/documents/DocumentsScreen';
import { IntakeScreen } from '../features/intake/IntakeScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import type { ScreenId } from './screen-list';

export const SCREEN_COMPONENTS: Readonly<Record<ScreenId, ComponentType>> = {
  queue: QueueScreen,
  intake: IntakeScreen,
  documents: DocumentsScreen,
  review: ReviewScreen,
  applications: ApplicationsScreen,
};
