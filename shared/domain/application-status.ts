/**
 * The application (звернення) status machine of docs/ARCHITECTURE.md §6.1, the one copy the desk's backend, the renderer's
 * form and the back office all use. `overdue` is derived from the due date, never stored.
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

/** A move needs a written reason where the law wants one. */
export function needsReason(to: ApplicationStatus): boolean {
  return REASON_REQUIRED.has(to);
}

/** Issuing the result needs the name of who received it. */
export function needsReceiver(to: ApplicationStatus): boolean {
  return to === 'issued';
}

/** The field of a status move that breaks the rules; each side maps it to its own message. */
export type StatusChangeProblem = 'to' | 'reason' | 'receivedBy';

export interface StatusMove {
  to: ApplicationStatus;
  reason?: string | null | undefined;
  receivedBy?: string | null | undefined;
}

const blank = (text: string | null | undefined) => (text ?? '').trim() === '';

/**
 * The rules a move from `from` breaks (empty: allowed). A move the machine has no arrow for is
 * only that (what it would need does not matter); otherwise a missing reason, a missing receiver.
 */
export function statusChangeErrors(from: ApplicationStatus, move: StatusMove): StatusChangeProblem[] {
  if (!canTransition(from, move.to)) return ['to'];
  const problems: StatusChangeProblem[] = [];
  if (needsReason(move.to) && blank(move.reason)) problems.push('reason');
  if (needsReceiver(move.to) && blank(move.receivedBy)) problems.push('receivedBy');
  return problems;
}

/** The broken rules as field errors (path = the move's field), the shape AppError and a rejection carry. */
export function statusChangeFieldErrors(from: ApplicationStatus, move: StatusMove): { path: [StatusChangeProblem]; message: string }[] {
  return statusChangeErrors(from, move).map((field) => ({
    path: [field],
    message: field === 'to' ? `not allowed from ${from}` : 'required',
  }));
}

export function isFinal(status: ApplicationStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

export function isOverdue(status: ApplicationStatus, dueDate: string | null, today: string): boolean {
  // No date yet (the term runs from a later event): nothing can be overdue.
  return dueDate !== null && !isFinal(status) && status !== 'result_ready' && today > dueDate;
}
