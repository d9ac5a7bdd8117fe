/**
 * The status change form's rules, pure: which moves the machine allows from a status, and what
 * a move needs (a reason where the law wants one, who received the result when issuing).
 */
import type { ChangeApplicationStatusInput } from '../../../../shared/domain/application';
import { allowedTransitions, REASON_REQUIRED } from '../../../../shared/domain/application-status';
import type { ApplicationStatus } from '../../../../shared/domain/application-status';

export interface StatusChangeDraft {
  to: ApplicationStatus | '';
  reason: string;
  receivedBy: string;
}

export type StatusChangeProblem = 'to' | 'reason' | 'receivedBy';

export function needsReason(to: ApplicationStatus | ''): boolean {
  return to !== '' && REASON_REQUIRED.has(to);
}

export function needsReceiver(to: ApplicationStatus | ''): boolean {
  return to === 'issued';
}

export function statusChangeInput(
  id: string,
  from: ApplicationStatus,
  draft: StatusChangeDraft,
): { ok: true; input: ChangeApplicationStatusInput } | { ok: false; problems: StatusChangeProblem[] } {
  const problems: StatusChangeProblem[] = [];
  if (draft.to === '' || !allowedTransitions(from).includes(draft.to)) problems.push('to');
  const reason = draft.reason.trim();
  const receivedBy = draft.receivedBy.trim();
  if (needsReason(draft.to) && reason === '') problems.push('reason');
  if (needsReceiver(draft.to) && receivedBy === '') problems.push('receivedBy');
  if (problems.length > 0 || draft.to === '') return { ok: false, problems };
  return {
    ok: true,
    input: {
      id,
      to: draft.to,
      ...(reason !== '' ? { reason } : {}),
      ...(needsReceiver(draft.to) ? { receivedBy } : {}),
    },
  };
}
