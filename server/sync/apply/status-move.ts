import { statusMoveProblems } from '../../../shared/domain/application-status';
import type { MoveProblem, StatusMove } from '../../../shared/domain/application-status';
import { Authority } from '../../../shared/domain/application';
import { factsAfterMove, StatusFacts } from '../../../shared/domain/status-facts';
import type { ApplicationStatusPayload } from '../../../shared/sync-mutations';
import type { z } from 'zod';
import type { EntityData } from '../entity-store';

type Payload = Pick<
  z.infer<typeof ApplicationStatusPayload>,
  'from' | 'to' | 'reason' | 'at' | 'day' | 'dueDate' | 'outcome' | 'receiver' | 'trackingNumber' | 'transferTo' | 'withdrawal'
>;

/** Whether the record's representative may receive the result (their authority says so). */
export function representativeMayReceive(record: EntityData): boolean {
  const rep = record.representative as { authority?: unknown } | null | undefined;
  const authority = Authority.safeParse(rep?.authority);
  return authority.success && authority.data.mayReceiveResult;
}

/**
 * A move applied to the record as the back office keeps it, checked by the shared machine (roles
 * apart): the status, the facts the move leaves (shared/domain/status-facts.ts, stored as fields
 * of the record so desks pull them) and, when the desk dated the case at the hand-off or moved
 * the due date on leaving a suspension, the new and the original due date. The push of a desk
 * and the provider's endpoint both come through here.
 */
export function moveStatus(
  record: EntityData,
  payload: Payload,
  rules: { representativeMayReceive: boolean; unclaimedAfterDays: number; refusalGrounds: readonly string[] | null },
): { ok: true; record: EntityData } | { ok: false; problems: MoveProblem[] } {
  const facts = StatusFacts.parse(record);
  const day = payload.day ?? payload.at.slice(0, 10);
  const move: StatusMove = {
    to: payload.to,
    ...(payload.reason !== null && payload.reason.trim() !== '' ? { reason: payload.reason } : {}),
    ...(payload.outcome ? { outcome: payload.outcome } : {}),
    ...(payload.receiver ? { receiver: payload.receiver } : {}),
    ...(payload.trackingNumber ? { trackingNumber: payload.trackingNumber } : {}),
    ...(payload.transferTo ? { transferTo: payload.transferTo } : {}),
    ...(payload.withdrawal ? { withdrawal: payload.withdrawal } : {}),
  };
  const problems = statusMoveProblems(payload.from, move, {
    refusalGrounds: rules.refusalGrounds,
    representativeMayReceive: rules.representativeMayReceive,
    resultReadyOn: facts.resultReadyOn,
    today: day,
    unclaimedAfterDays: rules.unclaimedAfterDays,
  });
  if (problems.length > 0) return { ok: false, problems };
  const next = factsAfterMove(facts, payload.from, move, day);
  const printed = (record.dueDate as string | null | undefined) ?? null;
  const dueDate = payload.dueDate ?? printed;
  // A term run from the hand-off had no date before it: the date the hand-off gave is the original.
  if (payload.dueDate !== undefined && next.originalDueDate === null) next.originalDueDate = printed ?? payload.dueDate;
  return { ok: true, record: { ...record, ...next, status: payload.to, dueDate } };
}
