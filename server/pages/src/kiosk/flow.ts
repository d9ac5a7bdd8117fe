/**
 * The kiosk's steps as a pure machine (the page only draws the state and sends events): area →
 * service → purpose → priority → (collect: registration number) → the ticket; «Інше звернення»
 * skips area, service and purpose; "I have a booking" asks for the code. Every step can go back,
 * and the ticket (or an error) returns to the start.
 */
import type { KioskConfig, KioskTicket, KioskTicketRequest } from '../../../../shared/queue-protocol';
import type { TicketPurpose } from '../../../../shared/domain/queue-config';

/** What the citizen chose so far. */
export interface Choice {
  areaCode: string | null;
  serviceCode: string | null;
  purpose: TicketPurpose | null;
  priorityCategory: string | null;
}

export type KioskState =
  | { step: 'area' }
  | { step: 'service'; choice: Choice }
  | { step: 'purpose'; choice: Choice }
  | { step: 'priority'; choice: Choice }
  | { step: 'regNumber'; choice: Choice }
  | { step: 'issuing'; request: KioskTicketRequest }
  | { step: 'bookingCode' }
  | { step: 'checkingIn'; code: string }
  | { step: 'ticket'; ticket: KioskTicket }
  | { step: 'error'; code: string };

export type KioskEvent =
  | { type: 'area'; code: string }
  | { type: 'other' }
  | { type: 'service'; code: string }
  | { type: 'purpose'; purpose: Exclude<TicketPurpose, 'other'> }
  | { type: 'priority'; category: string | null }
  | { type: 'regNumber'; value: string }
  | { type: 'booking' }
  | { type: 'bookingCode'; value: string }
  | { type: 'issued'; ticket: KioskTicket }
  | { type: 'failed'; code: string }
  | { type: 'back' }
  | { type: 'restart' };

export const START: KioskState = { step: 'area' };
const EMPTY: Choice = { areaCode: null, serviceCode: null, purpose: null, priorityCategory: null };

/** The request a finished choice sends; the registration number only for `collect`. */
export function ticketRequest(choice: Choice, regNumber: string | null = null): KioskTicketRequest {
  const purpose = choice.purpose ?? 'other';
  const request: KioskTicketRequest = { serviceCode: purpose === 'other' ? null : choice.serviceCode, purpose };
  if (choice.priorityCategory !== null) request.priorityCategory = choice.priorityCategory;
  const trimmed = regNumber?.trim() ?? '';
  if (purpose === 'collect' && trimmed !== '') request.regNumber = trimmed;
  return request;
}

/** After the purpose (or «Інше звернення»): the priority question when the center has categories. */
function afterPurpose(choice: Choice, config: KioskConfig): KioskState {
  return config.priorityCategories.length > 0 ? { step: 'priority', choice } : afterPriority(choice);
}

function afterPriority(choice: Choice): KioskState {
  return choice.purpose === 'collect' ? { step: 'regNumber', choice } : { step: 'issuing', request: ticketRequest(choice) };
}

function backFrom(state: KioskState, config: KioskConfig): KioskState {
  switch (state.step) {
    case 'service':
      return START;
    case 'purpose':
      return { step: 'service', choice: { ...state.choice, serviceCode: null } };
    case 'priority':
      return state.choice.purpose === 'other' ? START : { step: 'purpose', choice: { ...state.choice, purpose: null } };
    case 'regNumber':
      return config.priorityCategories.length > 0
        ? { step: 'priority', choice: { ...state.choice, priorityCategory: null } }
        : { step: 'purpose', choice: { ...state.choice, purpose: null } };
    case 'bookingCode':
      return START;
    default:
      return state;
  }
}

/** The next state; an event that does not belong to the current step leaves it as it is. */
export function kioskStep(state: KioskState, event: KioskEvent, config: KioskConfig): KioskState {
  if (event.type === 'restart') return START;
  if (event.type === 'back') return backFrom(state, config);
  switch (state.step) {
    case 'area': {
      if (event.type === 'other') return afterPurpose({ ...EMPTY, purpose: 'other' }, config);
      if (event.type === 'booking') return config.bookingEnabled ? { step: 'bookingCode' } : state;
      if (event.type === 'area' && config.areas.some((a) => a.code === event.code))
        return { step: 'service', choice: { ...EMPTY, areaCode: event.code } };
      return state;
    }
    case 'service': {
      const area = config.areas.find((a) => a.code === state.choice.areaCode);
      if (event.type === 'service' && area?.services.some((s) => s.code === event.code))
        return { step: 'purpose', choice: { ...state.choice, serviceCode: event.code } };
      return state;
    }
    case 'purpose':
      return event.type === 'purpose' ? afterPurpose({ ...state.choice, purpose: event.purpose }, config) : state;
    case 'priority': {
      if (event.type !== 'priority') return state;
      if (event.category !== null && !config.priorityCategories.some((c) => c.code === event.category)) return state;
      return afterPriority({ ...state.choice, priorityCategory: event.category });
    }
    case 'regNumber':
      return event.type === 'regNumber' ? { step: 'issuing', request: ticketRequest(state.choice, event.value) } : state;
    case 'bookingCode': {
      const code = event.type === 'bookingCode' ? event.value.trim() : '';
      return code.length >= 4 ? { step: 'checkingIn', code } : state;
    }
    case 'issuing':
    case 'checkingIn':
      if (event.type === 'issued') return { step: 'ticket', ticket: event.ticket };
      if (event.type === 'failed') return { step: 'error', code: event.code };
      return state;
    case 'ticket':
    case 'error':
      return state;
  }
}
