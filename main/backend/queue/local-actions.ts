import { AppError } from '../../../shared/errors';
import { QUEUE_ERRORS } from '../../../shared/queue-protocol';
import type { DeskQueueState, QueueAction } from '../../../shared/queue-protocol';
import type { CommandEnv } from '../commands/unit-of-work';
import type { Db } from '../db/open';
import { queueError } from '../tickets/queue-error';
import { recordTicketEvent } from '../tickets/record-ticket-event';
import { hasQueuedActions, ticketRow } from '../tickets/ticket-row';
import { callNextLocal, issueWalkIn } from '../tickets/walk-in';
import { ticketAtWindow } from './build-panel';

/** The center's walk-in prefix when the desk never read its configuration. */
export const DEFAULT_LOCAL_PREFIX = 'Л';

/** Whether the action is on a ticket only this desk can move now: its own walk-in, or one with offline actions not yet delivered. */
export function ticketIsLocal(db: Db, action: QueueAction): boolean {
  if (!('ticketId' in action)) return false;
  return ticketRow(db, action.ticketId)?.local === 1 || hasQueuedActions(db, action.ticketId);
}

/**
 * A counter action the desk handles itself (back office unreachable, standalone desk, or a
 * local ticket): walk-ins, call-next over local tickets, and the actions on the ticket the desk
 * holds, each queued for sync. `known` is the last desk state the back office gave (its rules).
 */
export function actLocally(env: CommandEnv, action: QueueAction, known: DeskQueueState | null): void {
  const busy = () => {
    const held = ticketAtWindow(env.db, env.desk.desk.code, known?.current?.id ?? null);
    if (held) throw queueError(QUEUE_ERRORS.deskBusy, `Ticket ${held.number} is still at this window`);
  };
  switch (action.action) {
    case 'walk_in':
      busy();
      issueWalkIn(env, {
        serviceCode: action.serviceCode,
        purpose: action.purpose,
        localPrefix: known?.localPrefix ?? DEFAULT_LOCAL_PREFIX,
      });
      return;
    case 'call_next':
      busy();
      callNextLocal(env);
      return;
    case 'call':
      busy();
      recordTicketEvent(env, action.ticketId, 'called');
      return;
    case 'recall':
      recordTicketEvent(env, action.ticketId, 'recalled');
      return;
    case 'arrived':
      recordTicketEvent(env, action.ticketId, 'arrived');
      return;
    case 'no_show':
      recordTicketEvent(env, action.ticketId, 'no_show', { recallsBeforeNoShow: known?.recallsBeforeNoShow ?? 1 });
      return;
    case 'park':
      recordTicketEvent(env, action.ticketId, 'parked', action.note === undefined ? {} : { note: action.note });
      return;
    case 'transfer': {
      const { toQueueCode, toDeskCode, note } = action;
      recordTicketEvent(env, action.ticketId, 'transferred', {
        ...(toQueueCode === undefined ? {} : { toQueueCode }),
        ...(toDeskCode === undefined ? {} : { toDeskCode }),
        ...(note === undefined ? {} : { note }),
      });
      return;
    }
    case 'finish':
      recordTicketEvent(env, action.ticketId, 'service_ended');
      return;
    case 'pause':
    case 'resume':
      throw new AppError('UNAVAILABLE', 'Pausing the desk needs the back office, and it is unreachable now');
  }
}
