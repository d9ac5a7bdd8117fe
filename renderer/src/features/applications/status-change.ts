/**
 * The status change form's draft → the contract's input. The rules themselves (which moves the
 * machine allows, what a move needs) are shared/domain/application-status.ts, the same the
 * desk's backend and the back office apply.
 */
import type { ChangeApplicationStatusInput } from '../../../../shared/domain/application';
import {
  needsReason as statusNeedsReason,
  needsReceiver as statusNeedsReceiver,
  statusChangeErrors,
} from '../../../../shared/domain/application-status';
import type { ApplicationStatus, StatusChangeProblem } from '../../../../shared/domain/application-status';

export type { StatusChangeProblem };

export interface StatusChangeDraft {
  to: ApplicationStatus | '';
  reason: string;
  receivedBy: string;
}

/** The form asks for a reason once a target that needs one is chosen. */
export function needsReason(to: ApplicationStatus | ''): boolean {
  return to !== '' && statusNeedsReason(to);
}

export function needsReceiver(to: ApplicationStatus | ''): boolean {
  return to !== '' && statusNeedsReceiver(to);
}

export function statusChangeInput(
  id: string,
  from: ApplicationStatus,
  draft: StatusChangeDraft,
): { ok: true; input: ChangeApplicationStatusInput } | { ok: false; problems: StatusChangeProblem[] } {
  if (draft.to === '') return { ok: false, problems: ['to'] };
  const reason = draft.reason.trim();
  const receivedBy = draft.receivedBy.trim();
  const problems = statusChangeErrors(from, { to: draft.to, reason, receivedBy });
  if (problems.length > 0) return { ok: false, problems };
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
