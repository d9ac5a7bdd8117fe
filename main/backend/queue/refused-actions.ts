import type { RefusedQueueAction } from '../../../shared/queue-panel';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

const STATUS_WORDS: Readonly<Record<string, string>> = {
  waiting: 'знову чекає в черзі / waiting in the queue again',
  called: 'викликаний іншим місцем / called by another desk',
  serving: 'обслуговується іншим місцем / being served at another desk',
  parked: 'відкладений / parked',
  done: 'уже обслужений / already served',
  no_show: 'закритий як неявка / closed as a no-show',
};

/** Why the back office would not take the action, in words the clerk reads (Ukrainian, then English). */
function reasonInWords(status: 'dead' | 'conflict', lastError: string | null): string {
  let parsed: { server?: { status?: unknown }; message?: unknown } = {};
  try {
    parsed = JSON.parse(lastError ?? '{}') as typeof parsed;
  } catch {
    // An older desk stored plain text: shown as it is below.
  }
  if (status === 'conflict') {
    const now = typeof parsed.server?.status === 'string' ? STATUS_WORDS[parsed.server.status] : undefined;
    return `Талон тим часом змінився в черзі${now ? `: ${now}` : ''} / The ticket moved in the queue meanwhile`;
  }
  const message = typeof parsed.message === 'string' ? parsed.message : (lastError ?? '');
  return `Сервер відхилив дію / The back office refused the action: ${message}`;
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
    reason: reasonInWords(r.status, r.last_error),
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
