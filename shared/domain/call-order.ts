/**
 * Which waiting ticket a desk calls next (docs/ARCHITECTURE.md §6.8), one rule for the back
 * office's call-next and the desk's offline local queue: a booked visitor within their slot
 * first (earliest slot), then priority tickets (longest waiting), then the desk's work profile.
 * The back office reads each queue's heads with SQL and lets this function choose among them,
 * so the order is written once.
 */
import type { WorkProfile } from './queue-config';

export interface CallCandidate {
  id: string;
  queueCode: string;
  priority: boolean;
  /** The booked slot's start (ISO); null when not booked, or checked in too late and so in the live queue. */
  bookedSlotStart: string | null;
  issuedAt: string;
  /** Transferred to one desk: only that desk calls it, whatever its profile. */
  targetDeskCode: string | null;
}

/** 0: booked and its slot has begun; 1: priority; 2: everyone else. */
export function callClass(candidate: CallCandidate, now: Date): 0 | 1 | 2 {
  if (candidate.bookedSlotStart !== null && Date.parse(candidate.bookedSlotStart) <= now.getTime()) return 0;
  return candidate.priority ? 1 : 2;
}

/** Whether `deskCode` with `profile` may call the ticket at all. */
export function callableBy(candidate: CallCandidate, profile: WorkProfile, deskCode: string): boolean {
  if (candidate.targetDeskCode !== null) return candidate.targetDeskCode === deskCode;
  return profile.queues.some((entry) => entry.queueCode === candidate.queueCode);
}

/** Orders candidates best first for a desk with `profile` at `now` (a comparator for Array.sort). */
export function callComparator(profile: WorkProfile, now: Date): (a: CallCandidate, b: CallCandidate) => number {
  const position = new Map(profile.queues.map((entry, i) => [entry.queueCode, i]));
  const weight = new Map(profile.queues.map((entry) => [entry.queueCode, entry.weight]));
  const fifo = (a: CallCandidate, b: CallCandidate) =>
    Date.parse(a.issuedAt) - Date.parse(b.issuedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return (a, b) => {
    const classA = callClass(a, now);
    const classB = callClass(b, now);
    if (classA !== classB) return classA - classB;
    if (classA === 0) return Date.parse(a.bookedSlotStart!) - Date.parse(b.bookedSlotStart!) || fifo(a, b);
    if (classA === 1) return fifo(a, b);
    if (profile.strategy === 'in_order') {
      const byQueue = (position.get(a.queueCode) ?? position.size) - (position.get(b.queueCode) ?? position.size);
      return byQueue || fifo(a, b);
    }
    const score = (c: CallCandidate) => (now.getTime() - Date.parse(c.issuedAt)) * (weight.get(c.queueCode) ?? 1);
    return score(b) - score(a) || fifo(a, b);
  };
}

/** The ticket `deskCode` calls next among `candidates` (already waiting), or null when none is for it. */
export function pickNext(candidates: readonly CallCandidate[], profile: WorkProfile, deskCode: string, now: Date): CallCandidate | null {
  const mine = candidates.filter((c) => callableBy(c, profile, deskCode));
  if (mine.length === 0) return null;
  return [...mine].sort(callComparator(profile, now))[0] ?? null;
}
