import { noShowAllowed, ticketEventResult } from '../../../shared/domain/ticket-status';
import type { TicketEvent } from '../../../shared/domain/ticket-status';
import type { TicketPurpose } from '../../../shared/domain/queue-config';
import { QUEUE_ERRORS } from '../../../shared/queue-protocol';
import { recordChange, runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { uuidv7 } from '../ids';
import { statement } from '../db/statements';
import { queueError } from './queue-error';
import { ticketRow } from './ticket-row';

export interface IssueInput {
  number: string;
  queueCode: string;
  priorityReason?: string;
  serviceCode?: string | null;
  purpose?: TicketPurpose;
  /** The desk's day when this desk numbered the ticket itself (a walk-in while the back office is unreachable). */
  localDay?: string;
}

/** A visit entering the queue at this desk; its `ticket.issue` mutation carries it to the back office's queue. */
export function issueTicket(env: CommandEnv, input: IssueInput): string {
  const at = env.now().toISOString();
  return runCommand(env.db, () => {
    const id = uuidv7();
    statement(
      env.db,
      `INSERT INTO tickets (id, number, queue_code, service_code, purpose, status, priority_reason, issued_at, desk_code, local, local_day, updated_at)
       VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.number,
      input.queueCode,
      input.serviceCode ?? null,
      input.purpose ?? 'submit',
      input.priorityReason ?? null,
      at,
      env.desk.desk.code,
      input.localDay === undefined ? 0 : 1,
      input.localDay ?? null,
      at,
    );
    statement(env.db, "INSERT INTO ticket_events (ticket_id, event, at, clerk_id, desk_code) VALUES (?, 'issued', ?, ?, ?)").run(
      id,
      at,
      env.clerkId,
      env.desk.desk.code,
    );
    const { number, queueCode, priorityReason } = input;
    recordChange(
      env,
      at,
      {
        kind: 'ticket.issue',
        payload: {
          id,
          number,
          queueCode,
          serviceCode: input.serviceCode ?? null,
          purpose: input.purpose ?? 'submit',
          ...(priorityReason === undefined ? {} : { priorityReason }),
          at,
        },
        baseVersion: null,
      },
      { action: 'ticket.issue', entity: 'ticket', entityId: id, details: { number } },
    );
    return id;
  });
}

export interface EventOptions {
  note?: string;
  toQueueCode?: string;
  toDeskCode?: string;
  /** The center's recalls before a no-show (its queue configuration; 1 when the desk never saw one). */
  recallsBeforeNoShow?: number;
}

/**
 * A counter action on a ticket this desk holds, checked against the ticket machine and queued
 * for the back office (which applies it to its queue, or answers conflict when the ticket moved
 * meanwhile). The row, its event, the outbox mutation and the audit entry commit together.
 */
export function recordTicketEvent(env: CommandEnv, ticketId: string, event: TicketEvent, options: EventOptions = {}): void {
  const at = env.now().toISOString();
  runCommand(env.db, () => {
    const ticket = ticketRow(env.db, ticketId);
    if (!ticket) throw queueError(QUEUE_ERRORS.ticketNotFound, `No ticket ${ticketId} at this desk`);
    const to = ticketEventResult(ticket.status, event);
    if (to === null) throw queueError(QUEUE_ERRORS.notAllowed, `A ${ticket.status} ticket cannot be ${event}`);
    if (event === 'no_show' && !noShowAllowed(ticket.recalls, options.recallsBeforeNoShow ?? 1))
      throw queueError(QUEUE_ERRORS.recallFirst, `Call ${ticket.number} again before marking a no-show`);
    const atWindow = to === 'called' || to === 'serving';
    statement(
      env.db,
      `UPDATE tickets SET status = @to, updated_at = @at,
         desk_code = CASE WHEN @atWindow THEN @desk ELSE desk_code END,
         window = CASE WHEN @atWindow THEN @window ELSE window END,
         called_at = CASE WHEN @event = 'called' THEN @at ELSE called_at END,
         recalls = CASE @event WHEN 'called' THEN 0 WHEN 'recalled' THEN recalls + 1 ELSE recalls END,
         queue_code = coalesce(@toQueueCode, queue_code),
         target_desk_code = CASE WHEN @event = 'transferred' THEN @toDeskCode ELSE target_desk_code END,
         note = coalesce(@note, note)
       WHERE id = @id`,
    ).run({
      to,
      at,
      atWindow: atWindow ? 1 : 0,
      desk: env.desk.desk.code,
      window: env.desk.desk.window,
      event,
      toQueueCode: options.toQueueCode ?? null,
      toDeskCode: options.toDeskCode ?? null,
      note: options.note ?? null,
      id: ticketId,
    });
    const moved = movedWith(options);
    statement(env.db, 'INSERT INTO ticket_events (ticket_id, event, at, clerk_id, desk_code, details) VALUES (?, ?, ?, ?, ?, ?)').run(
      ticketId,
      event,
      at,
      env.clerkId,
      env.desk.desk.code,
      Object.keys(moved).length === 0 ? null : JSON.stringify(moved),
    );
    recordChange(
      env,
      at,
      { kind: `ticket.${event}`, payload: { id: ticketId, event, at, details: null, ...moved }, baseVersion: ticket.server_version },
      { action: `ticket.${event}`, entity: 'ticket', entityId: ticketId, details: { number: ticket.number } },
    );
  });
}

/** The note and target a park or transfer carries (the back office applies them to its queue). */
function movedWith(options: EventOptions): { note?: string; toQueueCode?: string; toDeskCode?: string } {
  return Object.fromEntries(
    (['note', 'toQueueCode', 'toDeskCode'] as const).flatMap((key) => (options[key] === undefined ? [] : [[key, options[key]]])),
  );
}
