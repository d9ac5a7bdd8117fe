/**
 * What a case's dates say about it today (docs/ARCHITECTURE.md §6.1), derived on every read and
 * never stored: not handed off in time, due soon, overdue. A suspended case's term is stopped,
 * so it is neither due soon nor overdue; a `not_before` term (a marriage) is an earliest date,
 * never overdue.
 */
import { z } from 'zod';
import { addDays, dueDate, nextWorkingDay } from '../calendar';
import type { WorkCalendar } from '../calendar';
import type { ApplicationStatus } from './application-status';
import type { DeadlineKind, DeadlineUnit } from './deadline-rule';
import type { Suspension } from './status-move';

export const StatusFlags = z.object({ handoffOverdue: z.boolean(), dueSoon: z.boolean(), overdue: z.boolean() }).strict();
export type StatusFlags = z.infer<typeof StatusFlags>;

/** The desk's settings for the flags (config.json `statusFlags`). */
export interface FlagRules {
  /** Working days after registration the case has to reach the provider in (usually the next working day). */
  handoffWorkingDays: number;
  /** A due date this many working days away or closer is "due soon". */
  dueSoonWorkingDays: number;
}

export const DEFAULT_FLAG_RULES: FlagRules = { handoffWorkingDays: 1, dueSoonWorkingDays: 3 };

/** The statuses in which the provider's term runs. */
const TERM_RUNS: ReadonlySet<ApplicationStatus> = new Set(['registered', 'sent_to_provider', 'in_progress']);

export interface FlagFacts {
  status: ApplicationStatus;
  registeredOn: string;
  /** Null while the term runs from a later event (hand-off, register entry): nothing is due yet. */
  dueDate: string | null;
  dueKind: DeadlineKind;
}

export function statusFlags(facts: FlagFacts, today: string, calendar: WorkCalendar, rules: FlagRules): StatusFlags {
  const handoffOverdue =
    facts.status === 'registered' && today > dueDate(facts.registeredOn, rules.handoffWorkingDays, 'working_days', calendar);
  const due = facts.dueDate;
  const counts = TERM_RUNS.has(facts.status) && facts.dueKind === 'not_after' && due !== null;
  const overdue = counts && today > due;
  const soonLimit = rules.dueSoonWorkingDays === 0 ? today : dueDate(today, rules.dueSoonWorkingDays, 'working_days', calendar);
  const dueSoon = counts && !overdue && due <= soonLimit;
  return { handoffOverdue, dueSoon, overdue };
}

/** How many days of the term's unit a suspension stopped: working days for working-day terms, calendar days otherwise. */
export function suspendedLength(suspension: { from: string; to: string }, unit: DeadlineUnit, calendar: WorkCalendar): number {
  let length = 0;
  for (let day = suspension.from; day < suspension.to; day = addDays(day, 1)) {
    if (unit !== 'working_days' || nextWorkingDay(day, calendar) === day) length += 1;
  }
  return length;
}

/**
 * The current due date: the original moved on by every finished suspension's length in the
 * term's unit (a calendar-day date landing on a day off moves to the next working day, as the
 * term's end does). An unfinished suspension moves it when the case resumes.
 */
export function dueAfterSuspensions(
  originalDue: string,
  suspensions: readonly Suspension[],
  unit: DeadlineUnit,
  calendar: WorkCalendar,
): string {
  let due = originalDue;
  for (const suspension of suspensions) {
    if (suspension.to === null) continue;
    const length = suspendedLength({ from: suspension.from, to: suspension.to }, unit, calendar);
    if (length === 0) continue;
    due = unit === 'working_days' ? dueDate(due, length, 'working_days', calendar) : nextWorkingDay(addDays(due, length), calendar);
  }
  return due;
}
