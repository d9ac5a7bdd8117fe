import { lazy } from 'react';
import type { ComponentType } from 'react';
import type { ScreenId } from './screen-list';

/**
 * Each screen is its own chunk, loaded when first shown (issue 17): the first paint needs only
 * the shell and the screen it opens on, and a screen added later does not slow the start.
 */
export const SCREEN_COMPONENTS: Readonly<Record<ScreenId, ComponentType>> = {
  queue: lazy(() => import('../features/queue/QueueScreen').then((m) => ({ default: m.QueueScreen }))),
  intake: lazy(() => import('../features/intake/IntakeScreen').then((m) => ({ default: m.IntakeScreen }))),
  documents: lazy(() => import('../features/documents/DocumentsScreen').then((m) => ({ default: m.DocumentsScreen }))),
  review: lazy(() => import('../features/review/ReviewScreen').then((m) => ({ default: m.ReviewScreen }))),
  applications: lazy(() => import('../features/applications/ApplicationsScreen').then((m) => ({ default: m.ApplicationsScreen }))),
};
