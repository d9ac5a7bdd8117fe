/**
 * What a case's status moves leave on the record besides the status: the decision, the receiver,
 * the suspensions… One function folds a move into them, so the desk's command, the back office's
 * push and its provider endpoint keep the same facts (docs/ARCHITECTURE.md §6.1).
 */
import { z } from 'zod';
import type { ApplicationStatus, StatusMove } from './application-status';
import { Outcome, Receiver, Suspension, Withdrawal } from './status-move';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Records of earlier versions have none of these: each reads as empty. */
export const StatusFacts = z.object({
  outcome: Outcome.nullable().default(null),
  receiver: Receiver.nullable().default(null),
  trackingNumber: z.string().nullable().default(null),
  transferTo: z.string().nullable().default(null),
  withdrawal: Withdrawal.nullable().default(null),
  /** The day the case went to the provider: the hand-off register of that day lists it. */
  handedOffOn: Day.nullable().default(null),
  resultReadyOn: Day.nullable().default(null),
  suspensions: z.array(Suspension).default([]),
  /** Set when a suspension first moves the due date; until then the due date is the original. */
  originalDueDate: Day.nullable().default(null),
});
export type StatusFacts = z.infer<typeof StatusFacts>;

export const NO_FACTS: StatusFacts = StatusFacts.parse({});

/** The facts after `move` from `from`, made on the local day `day`. */
export function factsAfterMove(facts: StatusFacts, from: ApplicationStatus, move: StatusMove, day: string): StatusFacts {
  const next: StatusFacts = { ...facts, suspensions: [...facts.suspensions] };
  if (from === 'needs_info') {
    const open = next.suspensions.findLastIndex((s) => s.to === null);
    if (open >= 0) next.suspensions[open] = { ...next.suspensions[open]!, to: day };
  }
  if (move.to === 'sent_to_provider') next.handedOffOn = day;
  if (move.to === 'needs_info') next.suspensions.push({ from: day, to: null, reason: move.reason ?? '' });
  if (move.to === 'result_ready') {
    next.outcome = move.outcome ?? null;
    next.resultReadyOn = day;
  }
  if (move.to === 'issued') next.receiver = move.receiver ?? null;
  if (move.to === 'sent_by_post') next.trackingNumber = move.trackingNumber ?? null;
  if (move.to === 'transferred') next.transferTo = move.transferTo ?? null;
  if (move.to === 'withdrawn') next.withdrawal = move.withdrawal ?? null;
  return next;
}
