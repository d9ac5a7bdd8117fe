/**
 * A desk's counter commands (docs/ARCHITECTURE.md §6.8), each in one transaction: checked by the
 * ticket machine, one queue event stored, the ticket's version bumped. `commandId` makes a command
 * idempotent: a repeat (the desk retrying after a lost answer) gets the stored answer and acts
 * no second time. A refused command stores nothing, so its retry is judged afresh.
 */
import { noShowAllowed } from '../../shared/domain/ticket-status';
import type { QueueConfig } from '../../shared/domain/queue-config';
import { QUEUE_ERRORS, QueueTicket } from '../../shared/queue-protocol';
import type { BoardCall, QueueAction, QueueCommand } from '../../shared/queue-protocol';
import { HttpError } from '../http/http-error';
import type { Sql, Storage } from '../storage/storage';
import { callNext, deskOf, lockDesk, markCalled, requireFreeDesk } from './call-next';
import type { DeskActor } from './call-next';
import type { QueueHub } from './hub';
import { issueTicket, iso, toQueueTicket, windowOf } from './tickets';
import type { TicketRow } from './tickets';
import { lockTicket, transition } from './transition';
import type { TransitionOptions } from './transition';

export interface CommandActor extends DeskActor {
  deviceId: string;
}

interface Acted {
  row: TicketRow | null;
  /** The event to show on the board (call, recall, return from park). */
  boardSeq: number | null;
}

const notAllowed = (message: string) => new HttpError(409, QUEUE_ERRORS.notAllowed, message);

async function requireTicket(tx: Sql, actor: DeskActor, ticketId: string): Promise<TicketRow> {
  const row = await lockTicket(tx, actor.centerCode, ticketId);
  if (!row) throw new HttpError(404, QUEUE_ERRORS.ticketNotFound, `No ticket ${ticketId} in center ${actor.centerCode}`);
  return row;
}

/** A ticket at (or parked by) this desk: only its desk acts on it. */
async function requireHeld(tx: Sql, actor: DeskActor, ticketId: string): Promise<TicketRow> {
  const row = await requireTicket(tx, actor, ticketId);
  if (row.desk_code !== actor.deskCode || !['called', 'serving', 'parked'].includes(row.status))
    throw notAllowed(`Ticket ${row.number} is not at desk ${actor.deskCode}`);
  return row;
}

async function act(
  tx: Sql,
  actor: DeskActor,
  row: TicketRow,
  event: Parameters<typeof transition>[3],
  options?: TransitionOptions,
): Promise<Acted> {
  const done = await transition(tx, actor, row, event, options);
  if (!done) throw notAllowed(`A ${row.status} ticket cannot be ${event}`);
  return { row: done.row, boardSeq: event === 'recalled' ? done.seq : null };
}

async function callSpecific(tx: Sql, actor: DeskActor, ticketId: string): Promise<Acted> {
  const { paused, busyWith } = await lockDesk(tx, actor.centerCode, actor.deskCode);
  if (paused) throw new HttpError(409, QUEUE_ERRORS.deskPaused, `Desk ${actor.deskCode} is paused: resume it to call`);
  requireFreeDesk(actor.deskCode, busyWith);
  const row = await requireTicket(tx, actor, ticketId);
  if (row.status !== 'waiting' && row.status !== 'parked')
    throw new HttpError(409, QUEUE_ERRORS.alreadyCalled, `Ticket ${row.number} is ${row.status}, not waiting`);
  if (row.status === 'parked' && row.desk_code !== actor.deskCode) throw notAllowed(`Ticket ${row.number} is parked at another desk`);
  if (row.target_desk_code !== null && row.target_desk_code !== actor.deskCode)
    throw notAllowed(`Ticket ${row.number} was transferred to desk ${row.target_desk_code}`);
  const called = await markCalled(tx, actor, ticketId);
  return { row: called.row, boardSeq: called.seq };
}

function transferOptions(config: QueueConfig, action: Extract<QueueAction, { action: 'transfer' }>): TransitionOptions {
  if (action.toQueueCode !== undefined && !config.queues.some((q) => q.code === action.toQueueCode))
    throw new HttpError(400, 'unknown_queue', `No queue ${action.toQueueCode}`);
  if (action.toDeskCode !== undefined && !config.desks.some((d) => d.deskCode === action.toDeskCode))
    throw new HttpError(400, 'unknown_desk', `No desk ${action.toDeskCode} in the queue configuration`);
  return { note: action.note, toQueueCode: action.toQueueCode, toDeskCode: action.toDeskCode };
}

async function walkIn(tx: Sql, actor: DeskActor, action: Extract<QueueAction, { action: 'walk_in' }>): Promise<Acted> {
  requireFreeDesk(actor.deskCode, (await lockDesk(tx, actor.centerCode, actor.deskCode)).busyWith);
  const issued = await issueTicket(tx, {
    centerCode: actor.centerCode,
    config: actor.config,
    serviceCode: action.serviceCode,
    purpose: action.purpose,
    now: actor.now,
  });
  const called = await markCalled(tx, actor, issued.id);
  return act(tx, actor, called.row, 'arrived');
}

async function setPaused(tx: Sql, actor: DeskActor, paused: boolean): Promise<Acted> {
  await lockDesk(tx, actor.centerCode, actor.deskCode);
  await tx.query('UPDATE queue_desks SET paused = $3, changed_at = $4 WHERE center_code = $1 AND desk_code = $2', [
    actor.centerCode,
    actor.deskCode,
    paused,
    actor.now.toISOString(),
  ]);
  return { row: null, boardSeq: null };
}

async function perform(tx: Sql, actor: DeskActor, action: QueueAction): Promise<Acted> {
  switch (action.action) {
    case 'call_next': {
      const called = await callNext(tx, actor);
      return { row: called.row, boardSeq: called.seq };
    }
    case 'call':
      return callSpecific(tx, actor, action.ticketId);
    case 'recall':
      return act(tx, actor, await requireHeld(tx, actor, action.ticketId), 'recalled');
    case 'arrived':
      return act(tx, actor, await requireHeld(tx, actor, action.ticketId), 'arrived');
    case 'no_show': {
      const row = await requireHeld(tx, actor, action.ticketId);
      if (row.status === 'called' && !noShowAllowed(Number(row.recalls), actor.config.recallsBeforeNoShow))
        throw new HttpError(409, QUEUE_ERRORS.recallFirst, `Call ${row.number} again before marking a no-show`);
      return act(tx, actor, row, 'no_show');
    }
    case 'park':
      return act(tx, actor, await requireHeld(tx, actor, action.ticketId), 'parked', { note: action.note });
    case 'transfer': {
      const options = transferOptions(actor.config, action);
      return act(tx, actor, await requireHeld(tx, actor, action.ticketId), 'transferred', options);
    }
    case 'finish':
      return act(tx, actor, await requireHeld(tx, actor, action.ticketId), 'service_ended');
    case 'walk_in':
      return walkIn(tx, actor, action);
    case 'pause':
      return setPaused(tx, actor, true);
    case 'resume':
      return setPaused(tx, actor, false);
  }
}

interface StoredAnswer {
  ticket: QueueTicket | null;
}

/**
 * Claims `commandId` for this run. The primary key makes a concurrent twin wait for this transaction:
 * if it commits, the twin finds the answer; if it rolls back, the twin runs the command itself.
 */
async function claim(tx: Sql, commandId: string, deviceId: string): Promise<StoredAnswer | null> {
  const claimed = await tx.query(
    "INSERT INTO queue_commands (command_id, device_id, answer) VALUES ($1, $2, 'null') ON CONFLICT (command_id) DO NOTHING RETURNING command_id",
    [commandId, deviceId],
  );
  if (claimed.length === 1) return null;
  const [stored] = await tx.query<{ device_id: string; answer: StoredAnswer }>(
    'SELECT device_id, answer FROM queue_commands WHERE command_id = $1',
    [commandId],
  );
  if (stored!.device_id !== deviceId) throw new HttpError(409, 'command_id_reused', `Command ${commandId} was sent by another device`);
  return { ticket: stored!.answer.ticket === null ? null : QueueTicket.parse(stored!.answer.ticket) };
}

/**
 * Runs a desk's command and, once committed, tells the hub: desks that their queue changed, the
 * board about a call. Answers the ticket the command touched (null for pause/resume).
 */
export async function runQueueCommand(
  storage: Storage,
  hub: QueueHub,
  actor: CommandActor,
  command: QueueCommand,
): Promise<QueueTicket | null> {
  deskOf(actor.config, actor.centerCode, actor.deskCode);
  const result = await storage.transaction(async (tx) => {
    const stored = await claim(tx, command.commandId, actor.deviceId);
    if (stored) return { ticket: stored.ticket, board: null, repeated: true };
    const acted = await perform(tx, actor, command.command);
    const ticket = acted.row ? toQueueTicket(acted.row, actor.config) : null;
    await tx.query('UPDATE queue_commands SET answer = $2 WHERE command_id = $1', [command.commandId, JSON.stringify({ ticket })]);
    const board: BoardCall | null =
      acted.boardSeq !== null && acted.row
        ? { seq: acted.boardSeq, number: acted.row.number, window: windowOf(actor.config, actor.deskCode) ?? '', at: iso(actor.now) }
        : null;
    return { ticket, board, repeated: false };
  });
  if (!result.repeated) hub.changed(actor.centerCode);
  if (result.board) hub.called(actor.centerCode, result.board);
  return result.ticket;
}
