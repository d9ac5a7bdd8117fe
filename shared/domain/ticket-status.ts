/**
 * The queue ticket machine, one copy for the desk and the back office: which status each
 * counter action leaves a ticket in, and from which statuses it may happen.
 */
import { z } from 'zod';

export const TicketStatus = z.enum(['waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'transferred']);
export type TicketStatus = z.infer<typeof TicketStatus>;
export type TicketEvent = 'called' | 'recalled' | 'arrived' | 'no_show' | 'transferred' | 'parked' | 'service_started' | 'service_ended';

export const TICKET_EFFECTS: Readonly<Record<TicketEvent, { from: readonly TicketStatus[]; to: TicketStatus }>> = {
  called: { from: ['waiting', 'parked'], to: 'called' },
  recalled: { from: ['called'], to: 'called' },
  arrived: { from: ['called'], to: 'serving' },
  service_started: { from: ['called', 'serving'], to: 'serving' },
  no_show: { from: ['called'], to: 'no_show' },
  parked: { from: ['called', 'serving'], to: 'parked' },
  transferred: { from: ['called', 'serving', 'parked'], to: 'transferred' },
  service_ended: { from: ['serving'], to: 'done' },
};

export const TICKET_EVENTS = Object.keys(TICKET_EFFECTS) as readonly TicketEvent[];

/** The status a counter action leaves a ticket in, or null when the action is not allowed from `status`. */
export function ticketEventResult(status: TicketStatus, event: TicketEvent): TicketStatus | null {
  const effect = TICKET_EFFECTS[event];
  return effect.from.includes(status) ? effect.to : null;
}
