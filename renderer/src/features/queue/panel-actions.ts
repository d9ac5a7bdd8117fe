/**
 * Which counter actions the panel offers now, and why the others are greyed: the ticket machine
 * (shared/domain/ticket-status.ts) decides per status; the desk's state (paused, a ticket at the
 * window, the back office unreachable) decides the rest. Pure, so every combination is tested.
 */
import { noShowAllowed, ticketEventResult } from '../../../../shared/domain/ticket-status';
import type { TicketEvent } from '../../../../shared/domain/ticket-status';
import type { QueuePanel } from '../../../../shared/queue-panel';
import type { QueueTicket } from '../../../../shared/queue-protocol';
import type { Translate } from '../../i18n/dictionary';

/** The actions on the ticket at the window. */
export const TICKET_ACTIONS = ['recall', 'arrived', 'no_show', 'park', 'transfer', 'finish'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];
/** The actions of the desk itself. */
export const DESK_ACTIONS = ['call_next', 'walk_in', 'pause', 'resume'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];
export type PanelAction = TicketAction | DeskAction;

const TICKET_EVENT: Readonly<Record<TicketAction, TicketEvent>> = {
  recall: 'recalled',
  arrived: 'arrived',
  no_show: 'no_show',
  park: 'parked',
  transfer: 'transferred',
  finish: 'service_ended',
};

/**
 * `offline`: needs the back office (calling a listed ticket, pausing); `busy`: a ticket is
 * at the window; `status`: the ticket machine does not allow it from the ticket's status;
 * `recall_first`: a no-show needs the required recalls first.
 */
export type DisabledReason = 'offline' | 'paused' | 'busy' | 'no_ticket' | 'status' | 'recall_first' | 'nothing_waiting' | 'not_paused';
export type Availability = { enabled: true } | { enabled: false; reason: DisabledReason };

const ENABLED: Availability = { enabled: true };
const off = (reason: DisabledReason): Availability => ({ enabled: false, reason });

/** The ticket at this window: online the back office's; otherwise a local walk-in, or the last one known. */
export function currentTicket(panel: QueuePanel): QueueTicket | null {
  if (panel.connection === 'online') return panel.desk?.current ?? null;
  return panel.localCurrent ?? panel.desk?.current ?? null;
}

export interface DeskSituation {
  online: boolean;
  paused: boolean;
  current: QueueTicket | null;
  waitingTotal: number;
  recallsBeforeNoShow: number;
}

export function deskSituation(panel: QueuePanel): DeskSituation {
  return {
    online: panel.connection === 'online',
    paused: panel.desk?.paused ?? false,
    current: currentTicket(panel),
    waitingTotal: panel.desk?.waitingTotal ?? 0,
    // A desk that never read its center's rule asks for one recall, as its local queue does.
    recallsBeforeNoShow: panel.desk?.recallsBeforeNoShow ?? 1,
  };
}

export function ticketActionAvailability(situation: DeskSituation, action: TicketAction): Availability {
  const ticket = situation.current;
  if (ticket === null) return off('no_ticket');
  if (ticketEventResult(ticket.status, TICKET_EVENT[action]) === null) return off('status');
  if (action === 'no_show' && !noShowAllowed(ticket.recalls, situation.recallsBeforeNoShow)) return off('recall_first');
  return ENABLED;
}

export function deskActionAvailability(situation: DeskSituation, action: DeskAction): Availability {
  switch (action) {
    case 'call_next':
      if (situation.paused) return off('paused');
      if (situation.current !== null) return off('busy');
      // Offline the desk calls from its own local tickets, which the panel does not list: the desk answers.
      return !situation.online || situation.waitingTotal > 0 ? ENABLED : off('nothing_waiting');
    // A walk-in works without the back office too: a local ticket, synced later.
    case 'walk_in':
      if (situation.paused) return off('paused');
      return situation.current === null ? ENABLED : off('busy');
    case 'pause':
      if (!situation.online) return off('offline');
      return situation.paused ? off('paused') : ENABLED;
    case 'resume':
      if (!situation.online) return off('offline');
      return situation.paused ? ENABLED : off('not_paused');
  }
}

/** Calling a ticket from the waiting or the parked list (the latter is "return a parked one"). */
export function callAvailability(situation: DeskSituation, ticket: QueueTicket): Availability {
  if (!situation.online) return off('offline');
  if (situation.paused) return off('paused');
  if (situation.current !== null) return off('busy');
  return ticketEventResult(ticket.status, 'called') === null ? off('status') : ENABLED;
}

function isTicketAction(action: PanelAction): action is TicketAction {
  return (TICKET_ACTIONS as readonly PanelAction[]).includes(action);
}

export function actionAvailability(situation: DeskSituation, action: PanelAction): Availability {
  return isTicketAction(action) ? ticketActionAvailability(situation, action) : deskActionAvailability(situation, action);
}

/** What the ticket being served leads to: intake for `submit`, issuing for `collect`; the rest are only finished. */
export type PurposeLink = 'intake' | 'issue' | null;

export function purposeLink(ticket: QueueTicket | null): PurposeLink {
  if (ticket?.status !== 'serving') return null;
  if (ticket.purpose === 'submit') return 'intake';
  if (ticket.purpose === 'collect') return 'issue';
  return null;
}

/** The words under a greyed button; none when the ticket's status (shown on the card) already explains it. */
export function disabledReason(t: Translate, situation: DeskSituation, availability: Availability): string | null {
  if (availability.enabled) return null;
  switch (availability.reason) {
    case 'offline':
    case 'paused':
    case 'busy':
    case 'nothing_waiting':
      return t(`queue.reason.${availability.reason}`);
    case 'recall_first':
      return t('queue.reason.recall_first', { count: situation.recallsBeforeNoShow - (situation.current?.recalls ?? 0) });
    default:
      return null;
  }
}
