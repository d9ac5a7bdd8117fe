/**
 * The supervisor's day (issue 15): what was taken in, by whom, what is late or waiting, and how
 * the queue went, for a period of the center's days; and a supervisor's correction of a case with
 * its reason. The figures are computed by the desk (main/backend/review/).
 */
import { z } from 'zod';
import { isCalendarDay } from './calendar';
import { ApplicationStatus } from './domain/application-status';
import { UpdateApplication } from './domain/application';
import { MoveData } from './domain/status-move';
import { QueueStatistics } from './queue-protocol';

/** The longest period the review reads at once: a quarter. */
export const MAX_REVIEW_DAYS = 92;

/** Results waiting at the window longer than this many days are listed (the default of the input). */
export const DEFAULT_WAITING_DAYS = 30;

const CalendarDate = z.string().refine(isCalendarDay, 'use a real date as YYYY-MM-DD');

/** Calendar days from one day to a later one (0 for the same day). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How many days a period covers, both ends counted. */
export function periodDays(from: string, to: string): number {
  return daysFrom(from, to) + 1;
}

export const ReviewDayInput = z
  .object({
    from: CalendarDate,
    to: CalendarDate,
    waitingDays: z.number().int().min(1).max(365).default(DEFAULT_WAITING_DAYS),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (!isCalendarDay(input.from) || !isCalendarDay(input.to)) return;
    if (input.to < input.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'review.period_reversed' });
    else if (periodDays(input.from, input.to) > MAX_REVIEW_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'review.period_too_long' });
  });
export type ReviewDayInput = z.input<typeof ReviewDayInput>;

/** One application behind a figure: enough to list it and open its card. */
export const ReviewRow = z.object({
  id: z.string(),
  regNumber: z.string(),
  applicantName: z.string(),
  service: z.object({ code: z.string(), uk: z.string(), en: z.string() }),
  clerkId: z.string(),
  clerkName: z.string(),
  status: ApplicationStatus,
  registeredOn: z.string(),
  dueDate: z.string().nullable(),
});
export type ReviewRow = z.infer<typeof ReviewRow>;

const Count = z.number().int().nonnegative();

/** A result at the window since `resultReadyOn`, `waitingDays` days. */
export const WaitingRow = ReviewRow.extend({ resultReadyOn: z.string(), waitingDays: Count });
/** A case whose fee is not settled: what is still owed. */
export const UnpaidRow = ReviewRow.extend({ outstandingKopecks: Count });

export const ReviewQueue = z.discriminatedUnion('source', [
  /** The back office's statistics of the whole center. */
  z.object({ source: z.literal('back_office'), statistics: QueueStatistics }),
  /** This desk's own tickets (no back office, or it did not answer): the tickets this desk issued or served. */
  z.object({ source: z.literal('desk'), statistics: QueueStatistics }),
]);
export type ReviewQueue = z.infer<typeof ReviewQueue>;

export const ReviewDay = z.object({
  from: z.string(),
  to: z.string(),
  /** The center's today the late and waiting lists are judged by. */
  today: z.string(),
  waitingDays: Count,
  /** Applications registered in the period, by clerk and by service (most first), by current status. */
  byClerk: z.array(z.object({ clerkId: z.string(), clerkName: z.string(), count: Count })),
  byService: z.array(z.object({ code: z.string(), uk: z.string(), en: z.string(), count: Count })),
  byStatus: z.array(z.object({ status: ApplicationStatus, count: Count })),
  registered: z.array(ReviewRow),
  // As of today, whenever registered: the work still open.
  /** Registered and not yet handed to the provider; `handoffOverdue` those past the hand-off term. */
  handoffsDue: z.array(ReviewRow),
  handoffsOverdue: z.array(ReviewRow),
  dueSoon: z.array(ReviewRow),
  overdue: z.array(ReviewRow),
  waitingCollection: z.array(WaitingRow),
  /** Of the period's applications: those whose fee is not settled. */
  unpaid: z.array(UnpaidRow),
  queue: ReviewQueue,
});
export type ReviewDay = z.infer<typeof ReviewDay>;

/** A supervisor's correction: fields as `applications.update` takes them, or a status move, and always the reason. */
export const CorrectApplication = z
  .object({
    applicationId: z.string().min(1).max(64),
    fields: UpdateApplication.omit({ id: true }).optional(),
    status: z.object({ to: ApplicationStatus }).extend(MoveData.shape).strict().optional(),
    reason: z.string().trim().min(5).max(500),
  })
  .strict()
  .refine((c) => (c.fields !== undefined && Object.keys(c.fields).length > 0) || c.status !== undefined, {
    path: ['fields'],
    message: 'correction.nothing',
  });
export type CorrectApplicationInput = z.input<typeof CorrectApplication>;
