import { TicketStatus } from '../../../shared/domain/ticket-status';
import type { RefusalReason, RefusedQueueAction } from '../../../shared/queue-panel';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/** Why the back office would not take the action, read from the outbox row's last error (the renderer says it in words). */
function reasonOf(status: 'dead' | 'conflict', lastError: string | null): RefusalReason {
  let parsed: { server?: { status?: unknown }; code?: unknown; message?: unknown } = {};
  try {
    parsed = JSON.parse(lastError ?? '{}') as typeof parsed;
  } catch {
    // An older desk stored plain text: passed on as the message below.
  }
  if (status === 'conflict') {
    const now = TicketStatus.safeParse(parsed.server?.status);
    return { kind: 'moved', ticketStatus: now.success ? now.data : null };
  }
  return {
    kind: 'refused',
    code: typeof parsed.code === 'string' ? parsed.code : null,
    message: typeof parsed.message === 'string' ? parsed.message : (lastError ?? ''),
  };
}

/**
 * Counter actions and walk-ins queued offline that the back office refused on return (dead
 * letters of entity `ticket`): shown in the panel, never retried; a supervisor discards them in
 * the sync panel as every dead letter.
 */
export function refusedQueueActions(db: Db, limit = 100): RefusedQueueAction[] {
  const rows = statement(
    db,
    `SELECT o.mutation_id, o.kind, o.status, o.last_error, o.created_at, t.number
     FROM outbox o LEFT JOIN tickets t ON t.id = substr(o.aggregate, 8)
     WHERE o.status <> 'acked' AND o.status IN ('dead', 'conflict') AND o.aggregate LIKE 'ticket:%'
     ORDER BY o.seq LIMIT ?`,
  ).all(limit) as Array<{
    mutation_id: string;
    kind: string;
    status: 'dead' | 'conflict';
    last_error: string | null;
    created_at: string;
    number: string | null;
  }>;
  return rows.map((r) => ({
    mutationId: r.mutation_id,
    ticketNumber: r.number ?? '?',
    event: r.kind.slice('ticket.'.length),
    reason: reasonOf(r.status, r.last_error),
    at: r.created_at,
  }));
}

/** Walk-ins and counter actions still to deliver. */
export function pendingQueueActions(db: Db): number {
  return statement(
    db,
    "SELECT count(*) FROM outbox WHERE status <> 'acked' AND status IN ('pending', 'inflight', 'blocked_on_blob') AND aggregate LIKE 'ticket:%'",
  )
    .pluck()
    .get() as number;
}
