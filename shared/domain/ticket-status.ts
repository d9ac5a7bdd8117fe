/**
 * The queue ticket machine, one copy for the desk and the back office: which status each
 * counter action leaves a ticket in, and from which statuses it may happen.
 */
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'parked' | 'done' | 'no_show' | 'transferred';
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

export function isTicketEvent(name: string): name is TicketEvent {
  return Object.hasOwn(TICKET_EFFECTS, name);
}
