/**
 * The application (звернення) status machine of docs/ARCHITECTURE.md §6.1, used by the desk's backend and
 * the back office alike. `overdue` is derived from the due date, never stored.
 */
import { z } from 'zod';

export const APPLICATION_STATUSES = [
  'registered',
  'sent_to_provider',
  'in_progress',
  'needs_info',
  'result_ready',
  'issued',
  'refused',
  'withdrawn',
  'returned_unclaimed',
] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

const TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  registered: ['sent_to_provider', 'refused', 'withdrawn'],
  sent_to_provider: ['in_progress', 'result_ready', 'refused', 'withdrawn'],
  in_progress: ['needs_info', 'result_ready', 'refused', 'withdrawn'],
  needs_info: ['in_progress', 'refused', 'withdrawn'],
  result_ready: ['issued', 'returned_unclaimed'],
  issued: [],
  refused: [],
  withdrawn: [],
  returned_unclaimed: [],
};

/** Moves the law wants a written reason for. */
export const REASON_REQUIRED: ReadonlySet<ApplicationStatus> = new Set(['refused', 'withdrawn', 'needs_info', 'returned_unclaimed']);

export function allowedTransitions(from: ApplicationStatus): readonly ApplicationStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isFinal(status: ApplicationStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

export function isOverdue(status: ApplicationStatus, dueDate: string, today: string): boolean {
  return !isFinal(status) && status !== 'result_ready' && today > dueDate;
}
