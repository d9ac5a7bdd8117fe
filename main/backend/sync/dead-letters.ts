import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { appendAudit } from '../audit/audit-log';
import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { uuidv7 } from '../ids';
import { AGGREGATE_TABLES, splitAggregate } from './outbox-queue';

export interface DeadLetter {
  mutationId: string;
  aggregate: string;
  kind: string;
  status: 'dead' | 'conflict';
  reason: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** Mutations the back office refused or found in conflict: the supervisor's list (docs/ARCHITECTURE.md §7.5). */
export function listDeadLetters(db: Db): DeadLetter[] {
  const rows = statement(
    db,
    "SELECT mutation_id, aggregate, kind, status, last_error, payload, created_at FROM outbox WHERE status <> 'acked' AND status IN ('dead', 'conflict') ORDER BY seq",
  ).all() as Array<{
    mutation_id: string;
    aggregate: string;
    kind: string;
    status: 'dead' | 'conflict';
    last_error: string | null;
    payload: string;
    created_at: string;
  }>;
  return rows.map((r) => ({
    mutationId: r.mutation_id,
    aggregate: r.aggregate,
    kind: r.kind,
    status: r.status,
    reason: r.last_error ?? '',
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    createdAt: r.created_at,
  }));
}

export interface PendingChange {
  mutationId: string;
  aggregate: string;
  kind: string;
  status: 'pending' | 'inflight' | 'blocked_on_blob';
  attempts: number;
  createdAt: string;
  lastError: string | null;
}

/** The oldest changes still to deliver, for the sync panel. */
export function listPending(db: Db, limit = 200): PendingChange[] {
  const rows = statement(
    db,
    "SELECT mutation_id, aggregate, kind, status, attempts, created_at, last_error FROM outbox WHERE status <> 'acked' AND status IN ('pending', 'inflight', 'blocked_on_blob') ORDER BY seq LIMIT ?",
  ).all(limit) as Array<{
    mutation_id: string;
    aggregate: string;
    kind: string;
    status: PendingChange['status'];
    attempts: number;
    created_at: string;
    last_error: string | null;
  }>;
  return rows.map((r) => ({
    mutationId: r.mutation_id,
    aggregate: r.aggregate,
    kind: r.kind,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.created_at,
    lastError: r.last_error,
  }));
}

function deadRow(db: Db, mutationId: string) {
  const row = statement(db, "SELECT * FROM outbox WHERE mutation_id = ? AND status IN ('dead', 'conflict')").get(mutationId) as
    DeadRow | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', `No refused change ${mutationId}`, [{ path: ['mutationId'], message: 'not in the dead-letter list' }]);
  return row;
}

/** What a conflict answer left in last_error: the server's record and its version. */
const ConflictNote = z.object({ server: z.record(z.string(), z.unknown()), version: z.number().int().positive() });

interface DeadRow {
  aggregate: string;
  actor: string;
  session_id: string | null;
  kind: string;
  payload: string;
  status: string;
  last_error: string | null;
}

/** The record as this desk holds it: its server version and, for an application, its status. */
function localState(db: Db, aggregate: string): { version: number | null; status: unknown } | null {
  const [kind, id] = splitAggregate(aggregate);
  const table = AGGREGATE_TABLES[kind];
  if (!table) return null;
  const row = statement(
    db,
    `SELECT server_version, ${kind === 'application' ? 'status' : 'NULL AS status'} FROM ${table} WHERE id = ?`,
  ).get(id) as { server_version: number | null; status: string | null } | undefined;
  return row ? { version: row.server_version, status: row.status } : null;
}

/**
 * The refused change made again from the record's current state: against its current server
 * version, and for a status move from its current status — the supervisor's "apply this on top
 * of what is there now". That state is the newer of the server's record a conflict answer
 * carried and the record as this desk holds it (a later pull may have brought a newer one).
 * The fields the clerk set are the refused payload's: they are the change to make again.
 */
function rebuiltPayload(db: Db, row: DeadRow): { payload: string; baseVersion: number | null } {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  const note = row.status === 'conflict' ? ConflictNote.safeParse(JSON.parse(row.last_error ?? 'null')) : null;
  const fromNote = note?.success ? { version: note.data.version, status: note.data.server.status } : null;
  const local = localState(db, row.aggregate);
  const current = fromNote && (local?.version ?? 0) <= fromNote.version ? fromNote : (local ?? fromNote);
  if (row.kind === 'application.status' && typeof current?.status === 'string') payload.from = current.status;
  return { payload: JSON.stringify(payload), baseVersion: current?.version ?? null };
}

/**
 * Sends a refused change again as a new mutation (a new id: the server remembers the old one's
 * verdict), rebuilt from the record's current state (see rebuiltPayload); the old one is closed.
 * It stays the change of the clerk who made it (its history step names them, with the name its
 * payload carries); the supervisor's decision to send it is in the audit log.
 * Edits queued after it go first (their predecessor is closed, see takeBatch): each is merged
 * against the version it was made on, so whichever order, overlapping edits come back as a
 * conflict and none overwrites another.
 */
export function retryDeadLetter(env: CommandEnv, mutationId: string): string {
  const at = env.now().toISOString();
  return runCommand(env.db, () => {
    const row = deadRow(env.db, mutationId);
    // A counter action is true only when it happened: sent again later it would move a ticket that has moved on.
    if (splitAggregate(row.aggregate)[0] === 'ticket')
      throw new AppError('CONFLICT', 'A refused queue action is not sent again: the ticket has moved on in the queue; discard it', [
        { path: ['mutationId'], message: 'queue actions are not retried' },
      ]);
    const { payload, baseVersion } = rebuiltPayload(env.db, row);
    const newId = uuidv7();
    statement(
      env.db,
      "UPDATE outbox SET status = 'acked', acked_at = ?, last_error = coalesce(last_error, '') || ' [retried as ' || ? || ']' WHERE mutation_id = ?",
    ).run(at, newId, mutationId);
    statement(
      env.db,
      "INSERT INTO outbox (mutation_id, aggregate, prev_mutation_id, base_version, kind, payload, actor, session_id, status, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, 'pending', ?)",
    ).run(newId, row.aggregate, baseVersion, row.kind, payload, row.actor, row.session_id, at);
    appendAudit(env.db, {
      at,
      actor: env.clerkId,
      action: 'sync.retry',
      entity: 'mutation',
      entityId: mutationId,
      details: { newMutationId: newId },
    });
    return newId;
  });
}

/** Gives up on a refused change, with the supervisor's reason in the audit log. */
export function discardDeadLetter(env: CommandEnv, mutationId: string, reason: string): void {
  const at = env.now().toISOString();
  runCommand(env.db, () => {
    deadRow(env.db, mutationId);
    statement(
      env.db,
      "UPDATE outbox SET status = 'acked', acked_at = ?, last_error = coalesce(last_error, '') || ' [discarded]' WHERE mutation_id = ?",
    ).run(at, mutationId);
    appendAudit(env.db, { at, actor: env.clerkId, action: 'sync.discard', entity: 'mutation', entityId: mutationId, details: { reason } });
  });
}
