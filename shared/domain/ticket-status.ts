/**
 * The queue ticket machine, one copy for the desk and the back office: which status each
 * counter action leaves a ticket in, and from which statuses it may happen
 * (docs/ARCHITECTURE.md §6.3). A ticket is born `waiting` (kiosk, check-in of a booking, walk-in).
 */
import { z } from 'zod';

export const TicketStatus = z.enum(['waiting', 'called', 'serving', 'parked', 'done', 'no_show']);
export type TicketStatus = z.infer<typeof TicketStatus>;

/**
 * `arrived` is the clerk confirming the citizen came to the window: service starts there.
 * `transferred` puts the ticket back to waiting in another queue or for another desk (the note
 * travels with it); `called` from `parked` is "return a parked ticket".
 */
export const TICKET_EVENTS = ['called', 'recalled', 'arrived', 'no_show', 'parked', 'transferred', 'service_ended'] as const;
export type TicketEvent = (typeof TICKET_EVENTS)[number];

export const TICKET_EFFECTS: Readonly<Record<TicketEvent, { from: readonly TicketStatus[]; to: TicketStatus }>> = {
  called: { from: ['waiting', 'parked'], to: 'called' },
  recalled: { from: ['called'], to: 'called' },
  arrived: { from: ['called'], to: 'serving' },
  no_show: { from: ['called'], to: 'no_show' },
  parked: { from: ['called', 'serving'], to: 'parked' },
  transferred: { from: ['called', 'serving', 'parked'], to: 'waiting' },
  service_ended: { from: ['serving'], to: 'done' },
};

/** Statuses no counter action leaves. */
export const FINISHED_TICKET_STATUSES: readonly TicketStatus[] = ['done', 'no_show'];

/** The status a counter action leaves a ticket in, or null when the action is not allowed from `status`. */
export function ticketEventResult(status: TicketStatus, event: TicketEvent): TicketStatus | null {
  const effect = TICKET_EFFECTS[event];
  return effect.from.includes(status) ? effect.to : null;
}

/** A clerk marks a no-show only after calling again `required` times (the center's setting): the citizen gets a fair chance. */
export function noShowAllowed(recalls: number, required: number): boolean {
  return recalls >= required;
}
