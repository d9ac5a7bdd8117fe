import type { QueuePanel } from '../../../shared/queue-panel';
import type { DeskQueueState } from '../../../shared/queue-protocol';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { toQueueTicket } from '../tickets/ticket-row';
import type { TicketRow } from '../tickets/ticket-row';
import { pendingQueueActions, refusedQueueActions } from './refused-actions';

export type Connection = QueuePanel['connection'];

/**
 * The ticket this desk serves on its own: a walk-in it numbered, or — when the back office is
 * not reachable — the back office's ticket it held when the network dropped (its kept copy,
 * with the actions taken since).
 */
export function ticketAtWindow(db: Db, deskCode: string, held: string | null) {
  const row = statement(
    db,
    `SELECT * FROM tickets WHERE status IN ('called', 'serving') AND desk_code = ? AND deleted_at IS NULL AND (local = 1 OR id = ?)
     ORDER BY local, updated_at DESC LIMIT 1`,
  ).get(deskCode, held) as TicketRow | undefined;
  return row ? toQueueTicket(row) : null;
}

function localCurrent(db: Db, deskCode: string, connection: Connection, desk: DeskQueueState | null) {
  return ticketAtWindow(db, deskCode, connection === 'online' ? null : (desk?.current?.id ?? null));
}

/** The one place a QueuePanel is put together, for `queue.state`, `queue.act` and the `queue.changed` event. */
export function buildPanel(
  db: Db,
  input: { deskCode: string; connection: Connection; desk: DeskQueueState | null; lastContactAt: string | null },
): QueuePanel {
  return {
    connection: input.connection,
    desk: input.desk,
    lastContactAt: input.lastContactAt,
    localCurrent: localCurrent(db, input.deskCode, input.connection, input.desk),
    localPending: pendingQueueActions(db),
    refused: refusedQueueActions(db),
  };
}
