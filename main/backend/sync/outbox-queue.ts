import type { Mutation, MutationResult } from '../../../shared/sync-protocol';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

interface OutboxRow {
  seq: number;
  mutation_id: string;
  aggregate: string;
  prev_mutation_id: string | null;
  /** prev_mutation_id unless that predecessor was closed by a supervisor (see takeBatch). */
  prev_to_send: string | null;
  base_version: number | null;
  kind: string;
  payload: string;
  actor: string;
  session_id: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  created_at: string;
}

/**
 * What one session's assertion adds to a push body at most (ids, the time, an Ed25519 signature in
 * base64, keys and punctuation): a batch's byte budget keeps room for those its mutations name.
 */
export const SESSION_ASSERTION_BYTES = 400;

/** Tables whose rows carry the server version an aggregate's ack returns. */
export const AGGREGATE_TABLES: Readonly<Record<string, string>> = {
  application: 'applications',
  applicant: 'applicants',
  ticket: 'tickets',
};

/** A crash while a push was in flight leaves rows `inflight`: they go again (the server answers `duplicate`). */
export function requeueInflight(db: Db): number {
  return statement(db, "UPDATE outbox SET status = 'pending' WHERE status <> 'acked' AND status = 'inflight'").run().changes;
}

/**
 * After the back office was restored from an older backup: every mutation it acknowledged is
 * queued again (those it still has come back `duplicate`), and the records they touched forget
 * the server version they had, which the restored server may not have reached — the re-sent
 * acknowledgements set it again. Mutations a supervisor retried or discarded were never
 * acknowledged by the server (no server version) and stay as they are. Returns the count.
 */
export function requeueDelivered(db: Db): number {
  for (const [kind, table] of Object.entries(AGGREGATE_TABLES)) {
    statement(
      db,
      `UPDATE ${table} SET server_version = NULL WHERE id IN (
         SELECT substr(aggregate, ${kind.length + 2}) FROM outbox WHERE status = 'acked' AND server_version IS NOT NULL AND aggregate LIKE '${kind}:%')`,
    ).run();
  }
  return statement(
    db,
    "UPDATE outbox SET status = 'pending', attempts = 0, acked_at = NULL, server_version = NULL, next_attempt_at = NULL WHERE status = 'acked' AND server_version IS NOT NULL",
  ).run().changes;
}

/**
 * The next push: mutations in commit order, at most `maxCount` and `maxBytes` as sent (a first
 * mutation larger than that goes alone, for the server to refuse). An
 * aggregate whose earliest unacknowledged mutation cannot go now (waiting for its file, for a
 * retry time, or stuck behind a dead or conflicting one) holds back its later mutations only;
 * every other aggregate keeps flowing.
 */
export function takeBatch(db: Db, now: Date, maxCount: number, maxBytes: number): Mutation[] {
  const stuck = new Set<string>();
  const batch: Mutation[] = [];
  const sessions = new Set<string>();
  let bytes = 0;
  const nowIso = now.toISOString();
  // A predecessor a supervisor retried or discarded (closed as acked without a server version)
  // never reached the server's log: naming it would get `predecessor_missing` for ever.
  const rows = statement(
    db,
    `SELECT o.*, CASE WHEN p.status = 'acked' AND p.server_version IS NULL THEN NULL ELSE o.prev_mutation_id END AS prev_to_send
     FROM outbox o LEFT JOIN outbox p ON p.mutation_id = o.prev_mutation_id
     WHERE o.status <> 'acked' ORDER BY o.seq`,
  ).iterate() as IterableIterator<OutboxRow>;
  for (const row of rows) {
    if (stuck.has(row.aggregate)) continue;
    const ready = row.status === 'pending' && (row.next_attempt_at === null || row.next_attempt_at <= nowIso);
    if (!ready) {
      stuck.add(row.aggregate);
      continue;
    }
    if (batch.length >= maxCount) break;
    const mutation: Mutation = {
      mutationId: row.mutation_id,
      aggregate: row.aggregate,
      prevMutationId: row.prev_to_send,
      baseVersion: row.base_version,
      kind: row.kind,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      actor: row.actor,
      ...(row.session_id === null ? {} : { sessionId: row.session_id }),
      createdAt: row.created_at,
    };
    // Bytes, not characters (Cyrillic text is two bytes a letter), of the mutation as it will be
    // sent, envelope and separating comma included: an estimate can overshoot the server's 4 MiB.
    const newSession = row.session_id !== null && !sessions.has(row.session_id);
    const size = Buffer.byteLength(JSON.stringify(mutation)) + 1 + (newSession ? SESSION_ASSERTION_BYTES : 0);
    if (batch.length > 0 && bytes + size > maxBytes) break;
    bytes += size;
    batch.push(mutation);
    if (row.session_id !== null) sessions.add(row.session_id);
  }
  return batch;
}

/** One statement for the whole batch: the ids travel as one JSON array. */
export function markInflight(db: Db, mutationIds: readonly string[]): void {
  statement(
    db,
    "UPDATE outbox SET status = 'inflight', attempts = attempts + 1 WHERE mutation_id IN (SELECT value FROM json_each(?)) AND status = 'pending'",
  ).run(JSON.stringify(mutationIds));
}

/** A whole push failed (network, 5xx): everything it carried is pending again. */
export function releaseInflight(db: Db, mutationIds: readonly string[]): void {
  statement(db, "UPDATE outbox SET status = 'pending' WHERE mutation_id IN (SELECT value FROM json_each(?)) AND status = 'inflight'").run(
    JSON.stringify(mutationIds),
  );
}

type Acked = Extract<MutationResult, { status: 'applied' | 'duplicate' }>;

const isAcked = (result: MutationResult): result is Acked => result.status === 'applied' || result.status === 'duplicate';

/**
 * The acknowledged mutations of a push, set-wise: one statement for their outbox rows and one
 * per aggregate table for the records' server versions (the highest each record got), instead
 * of three statements per mutation — most of a push's time on the desk.
 */
function recordAcked(db: Db, acked: readonly Acked[], at: string): void {
  const answers = JSON.stringify(acked.map((result) => ({ m: result.mutationId, v: result.version })));
  statement(
    db,
    `UPDATE outbox SET status = 'acked', acked_at = ?, server_version = j.value ->> 'v', last_error = NULL, next_attempt_at = NULL
     FROM json_each(?) j WHERE outbox.mutation_id = j.value ->> 'm'`,
  ).run(at, answers);
  for (const [kind, table] of Object.entries(AGGREGATE_TABLES)) {
    const prefix = `${kind}:`;
    statement(
      db,
      `UPDATE ${table} SET server_version = max(coalesce(${table}.server_version, 0), v.version)
       FROM (SELECT substr(o.aggregate, ${prefix.length + 1}) AS id, max(j.value ->> 'v') AS version
             FROM json_each(?) j JOIN outbox o ON o.mutation_id = j.value ->> 'm'
             WHERE substr(o.aggregate, 1, ${prefix.length}) = '${prefix}' AND j.value ->> 'v' IS NOT NULL GROUP BY 1) v
       WHERE ${table}.id = v.id`,
    ).run(answers);
  }
}

/**
 * Records the server's answer for each mutation, all in one transaction: acknowledged ones
 * also give their record its new server version (the base of the next local edit).
 */
export function recordResults(db: Db, results: readonly MutationResult[], now: Date, retryDelayMs: (attempts: number) => number): void {
  const at = now.toISOString();
  const rowOf = statement(db, 'SELECT aggregate, attempts FROM outbox WHERE mutation_id = ?');
  const setStatus = statement(
    db,
    'UPDATE outbox SET status = ?, acked_at = ?, server_version = ?, last_error = ?, next_attempt_at = ? WHERE mutation_id = ?',
  );
  db.transaction(() => {
    const acked = results.filter(isAcked);
    if (acked.length > 0) recordAcked(db, acked, at);
    for (const result of results) {
      if (isAcked(result)) continue;
      const row = rowOf.get(result.mutationId) as { aggregate: string; attempts: number } | undefined;
      if (!row) continue;
      switch (result.status) {
        case 'conflict':
          setStatus.run(
            'conflict',
            null,
            null,
            JSON.stringify({ fields: result.fields, server: result.server, version: result.version }),
            null,
            result.mutationId,
          );
          break;
        case 'rejected':
          setStatus.run(
            'dead',
            null,
            null,
            JSON.stringify({ code: result.code, message: result.message, fieldErrors: result.fieldErrors }),
            null,
            result.mutationId,
          );
          break;
        case 'retry_later': {
          const status = result.reason === 'blob_missing' ? 'blocked_on_blob' : 'pending';
          const next = new Date(now.getTime() + retryDelayMs(row.attempts)).toISOString();
          setStatus.run(status, null, null, result.reason, next, result.mutationId);
          break;
        }
      }
    }
  })();
}

/** `application:<id>` → ['application', '<id>']. */
export function splitAggregate(aggregate: string): [string, string] {
  const colon = aggregate.indexOf(':');
  return [aggregate.slice(0, colon), aggregate.slice(colon + 1)];
}

export interface QueueCounts {
  pending: number;
  oldestPendingAt: string | null;
  dead: number;
  conflicts: number;
  blockedOnFiles: number;
}

export function queueCounts(db: Db): QueueCounts {
  const row = statement(
    db,
    `SELECT
       sum(status IN ('pending', 'inflight', 'blocked_on_blob')) AS pending,
       min(CASE WHEN status IN ('pending', 'inflight', 'blocked_on_blob') THEN created_at END) AS oldest,
       sum(status IN ('dead', 'rejected')) AS dead,
       sum(status = 'conflict') AS conflicts,
       sum(status = 'blocked_on_blob') AS blocked
     FROM outbox WHERE status <> 'acked'`,
  ).get() as { pending: number | null; oldest: string | null; dead: number | null; conflicts: number | null; blocked: number | null };
  return {
    pending: row.pending ?? 0,
    oldestPendingAt: row.oldest,
    dead: row.dead ?? 0,
    conflicts: row.conflicts ?? 0,
    blockedOnFiles: row.blocked ?? 0,
  };
}
