import { ticketEventResult } from '../../../shared/domain/ticket-status';
import type { TicketEvent, TicketStatus } from '../../../shared/domain/ticket-status';
import { AppError } from '../../../shared/errors';
import { recordChange, runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { uuidv7 } from '../ids';
import { statement } from '../db/statements';

/** A visit entering this desk's local queue (kiosk tickets arrive by sync; walk-ins start here). */
export function issueTicket(env: CommandEnv, input: { number: string; queueCode: string; priorityReason?: string }): string {
  const at = env.now().toISOString();
  return runCommand(env.db, () => {
    const id = uuidv7();
    statement(
      env.db,
      "INSERT INTO tickets (id, number, queue_code, status, priority_reason, issued_at, desk_code, updated_at) VALUES (?, ?, ?, 'waiting', ?, ?, ?, ?)",
    ).run(id, input.number, input.queueCode, input.priorityReason ?? null, at, env.desk.desk.code, at);
    statement(env.db, "INSERT INTO ticket_events (ticket_id, event, at, clerk_id, desk_code) VALUES (?, 'issued', ?, ?, ?)").run(
      id,
      at,
      env.clerkId,
      env.desk.desk.code,
    );
    recordChange(
      env,
      at,
      { kind: 'ticket.issue', payload: { id, ...input, at }, baseVersion: null },
      { action: 'ticket.issue', entity: 'ticket', entityId: id, details: { number: input.number } },
    );
    return id;
  });
}

/** A counter action on a ticket, checked against its current status. */
export function recordTicketEvent(env: CommandEnv, ticketId: string, event: TicketEvent, details?: Record<string, unknown>): void {
  const at = env.now().toISOString();
  runCommand(env.db, () => {
    const ticket = statement(env.db, 'SELECT status, server_version FROM tickets WHERE id = ?').get(ticketId) as
      { status: TicketStatus; server_version: number | null } | undefined;
    if (!ticket) throw new AppError('NOT_FOUND', `No ticket ${ticketId}`, [{ path: ['ticketId'], message: 'no such ticket' }]);
    const to = ticketEventResult(ticket.status, event);
    if (to === null) {
      throw new AppError('CONFLICT', `A ${ticket.status} ticket cannot be ${event}`, [
        { path: ['event'], message: `not allowed from ${ticket.status}` },
      ]);
    }
    statement(env.db, 'UPDATE tickets SET status = ?, desk_code = ?, updated_at = ? WHERE id = ?').run(
      to,
      env.desk.desk.code,
      at,
      ticketId,
    );
    statement(env.db, 'INSERT INTO ticket_events (ticket_id, event, at, clerk_id, desk_code, details) VALUES (?, ?, ?, ?, ?, ?)').run(
      ticketId,
      event,
      at,
      env.clerkId,
      env.desk.desk.code,
      details ? JSON.stringify(details) : null,
    );
    recordChange(
      env,
      at,
      { kind: `ticket.${event}`, payload: { id: ticketId, event, at, details: details ?? null }, baseVersion: ticket.server_version },
      { action: `ticket.${event}`, entity: 'ticket', entityId: ticketId },
    );
  });
}
