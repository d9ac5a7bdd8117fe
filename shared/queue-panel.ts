/**
 * What the clerk's queue panel shows (contract `queue.state`, event `queue.changed`): the back
 * office's view of this desk when reachable, otherwise the last one known (marked stale) and the
 * walk-ins this desk serves locally; counter actions queued offline that the back office refused
 * on return (the ticket was served elsewhere) are listed with the reason, never retried.
 */
import { z } from 'zod';
import { TicketStatus } from './domain/ticket-status';
import { DeskQueueState, QueueTicket } from './queue-protocol';

/**
 * Why the back office would not take a queued action, as data the renderer puts in words:
 * `moved` — the ticket changed in the queue meanwhile (now `ticketStatus`, if the back office said);
 * `refused` — the back office refused it (its error `code`, e.g. a QUEUE_ERRORS one, and its message).
 */
export const RefusalReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('moved'), ticketStatus: TicketStatus.nullable() }).strict(),
  z.object({ kind: z.literal('refused'), code: z.string().nullable(), message: z.string() }).strict(),
]);
export type RefusalReason = z.infer<typeof RefusalReason>;

export const RefusedQueueAction = z
  .object({
    mutationId: z.string(),
    ticketNumber: z.string(),
    /** The mutation kind's event (`called`, `service_ended` …). */
    event: z.string(),
    reason: RefusalReason,
    at: z.string(),
  })
  .strict();
export type RefusedQueueAction = z.infer<typeof RefusedQueueAction>;

export const QueuePanel = z
  .object({
    /**
     * `offline`: the back office is unreachable (the panel says so in one sentence) and call-next
     * serves only this desk's local tickets (there is no kiosk queue offline);
     * `standalone`: this desk is not enrolled, so only local walk-ins; `not_configured`: the
     * center has no queue configuration for this desk yet.
     */
    connection: z.enum(['online', 'offline', 'standalone', 'not_configured']),
    /** The back office's view of this desk; when not online, the last one known (or null). */
    desk: DeskQueueState.nullable(),
    /** When the back office was last reached (ISO); null: never. */
    lastContactAt: z.string().nullable(),
    /** The walk-in this desk is serving on a local ticket (offline or standalone). */
    localCurrent: QueueTicket.nullable(),
    /** Local tickets waiting for sync (walk-ins and counter actions of the offline time). */
    localPending: z.number().int().nonnegative(),
    refused: z.array(RefusedQueueAction).max(100),
  })
  .strict();
export type QueuePanel = z.infer<typeof QueuePanel>;
