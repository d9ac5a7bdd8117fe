import { z } from 'zod';
import type { Application } from '../../../shared/domain/application';
import type { StatusStep } from '../../../shared/domain/application-history';
import { ApplicationStatus } from '../../../shared/domain/application-status';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

type HistoryEntry = Application['history'][number];

/**
 * Replaces the record's history with the back office's, as pulled inside the record: after
 * sync every desk shows exactly these steps (docs/SYNC.md, "History that never lies"). The
 * caller sets `applications.history_version` to the version they came with.
 */
export function replaceStatusHistory(db: Db, applicationId: string, steps: readonly StatusStep[]): void {
  statement(db, 'DELETE FROM application_status_history WHERE application_id = ?').run(applicationId);
  const insert = statement(
    db,
    `INSERT INTO application_status_history (application_id, from_status, to_status, reason, received_by, at, clerk_id, actor_name, mutation_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of steps) insert.run(applicationId, s.from, s.to, s.reason, s.receivedBy, s.at, s.actorId, s.actorName, s.mutationId);
}

/** What this desk's register and status mutations carry of the step they make. */
const LocalStep = z.looseObject({
  from: ApplicationStatus.nullable().optional(),
  to: ApplicationStatus.optional(),
  reason: z.string().nullable().optional(),
  receivedBy: z.string().nullable().optional(),
  at: z.string().optional(),
  registeredAt: z.string().optional(),
  actorName: z.string().optional(),
  correctionReason: z.string().optional(),
});

interface OutboxStepRow {
  mutation_id: string;
  kind: 'application.register' | 'application.status' | 'application.update';
  payload: string;
  actor: string;
  status: string;
  created_at: string;
  clerk_name: string | null;
}

/**
 * This desk's own steps the pulled history does not hold yet, from the outbox: those still to
 * deliver (pending) and those the back office accepted in a version newer than the pulled
 * history's. A step it refused (conflict, dead) or that a supervisor discarded or sent again
 * under a new mutation is not here: it stays in the sync panel, not in the history. A
 * supervisor's correction of fields is a step too, keeping the case's status.
 */
function localSteps(db: Db, applicationId: string, pulled: ReadonlySet<string>): HistoryEntry[] {
  const rows = statement(
    db,
    `SELECT o.mutation_id, o.kind, o.payload, o.actor, o.status, o.created_at, c.full_name AS clerk_name
     FROM outbox o LEFT JOIN clerks c ON c.id = o.actor
     WHERE o.aggregate = ?
       AND (o.kind IN ('application.register', 'application.status')
         OR (o.kind = 'application.update' AND o.payload ->> '$.correctionReason' IS NOT NULL))
       AND (o.status IN ('pending', 'inflight', 'blocked_on_blob')
         OR (o.status = 'acked' AND o.server_version > coalesce((SELECT history_version FROM applications WHERE id = ?), 0)))
     ORDER BY o.seq`,
  ).all(`application:${applicationId}`, applicationId) as OutboxStepRow[];
  const status = (statement(db, 'SELECT status FROM applications WHERE id = ?').get(applicationId) as { status: string } | undefined)
    ?.status;
  return rows
    .filter((row) => !pulled.has(row.mutation_id))
    .map((row) => {
      const p = LocalStep.parse(JSON.parse(row.payload));
      const register = row.kind === 'application.register';
      // A correction of fields keeps the status: shown at the status the case has.
      const kept = row.kind === 'application.update' ? ApplicationStatus.parse(status) : null;
      return {
        from: register ? null : (kept ?? p.from ?? null),
        to: register ? 'registered' : (kept ?? ApplicationStatus.parse(p.to)),
        reason: p.reason ?? null,
        receivedBy: p.receivedBy ?? null,
        at: z.string().parse(register ? p.registeredAt : (p.at ?? row.created_at)),
        clerkId: row.actor,
        actorName: p.actorName ?? row.clerk_name,
        pending: row.status !== 'acked',
        ...(p.correctionReason === undefined ? {} : { correctionReason: p.correctionReason }),
      };
    });
}

interface PulledStepRow {
  from_status: Application['status'] | null;
  to_status: Application['status'];
  reason: string | null;
  received_by: string | null;
  at: string;
  clerk_id: string;
  actor_name: string | null;
  mutation_id: string | null;
}

/**
 * The correction reasons of pulled steps. The pulled history's table has no column for them: a
 * step this desk's correction made takes its reason from the outbox row that carried it. (A
 * correction of fields made elsewhere shows as the one step that keeps the status, with the
 * correction's reason as its reason: the card words it so.)
 */
function correctionReasons(db: Db, applicationId: string): Map<string, string> {
  const rows = statement(
    db,
    `SELECT mutation_id, payload ->> '$.correctionReason' AS reason FROM outbox
     WHERE aggregate = ? AND kind IN ('application.status', 'application.update') AND payload ->> '$.correctionReason' IS NOT NULL`,
  ).all(`application:${applicationId}`) as Array<{ mutation_id: string; reason: string }>;
  return new Map(rows.map((r) => [r.mutation_id, r.reason]));
}

/** The back office's history as last pulled, then this desk's steps it does not hold yet. */
export function readStatusHistory(db: Db, applicationId: string): HistoryEntry[] {
  const rows = statement(
    db,
    `SELECT h.from_status, h.to_status, h.reason, h.received_by, h.at, h.clerk_id, coalesce(h.actor_name, c.full_name) AS actor_name, h.mutation_id
     FROM application_status_history h LEFT JOIN clerks c ON c.id = h.clerk_id
     WHERE h.application_id = ? ORDER BY h.seq`,
  ).all(applicationId) as PulledStepRow[];
  const corrections = correctionReasons(db, applicationId);
  const pulled = rows.map((h): HistoryEntry => {
    const correction = h.mutation_id === null ? undefined : corrections.get(h.mutation_id);
    return {
      from: h.from_status,
      to: h.to_status,
      reason: h.reason,
      receivedBy: h.received_by,
      at: h.at,
      clerkId: h.clerk_id,
      actorName: h.actor_name,
      pending: false,
      ...(correction === undefined ? {} : { correctionReason: correction }),
    };
  });
  const pulledIds = new Set(rows.flatMap((h) => (h.mutation_id === null ? [] : [h.mutation_id])));
  return [...pulled, ...localSteps(db, applicationId, pulledIds)];
}
