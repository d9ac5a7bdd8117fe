import type { Db } from '../db/open';
import { uuidv7 } from '../ids';
import { statement } from '../db/statements';

export interface Mutation {
  /** `application:<id>`, `applicant:<id>`, `ticket:<id>`: later mutations of one aggregate wait for earlier ones. */
  aggregate: string;
  /** What the back office applies: `application.register`, `application.status`… */
  kind: string;
  payload: Record<string, unknown>;
  actor: string;
  /** The server version the change was made against; null for a record the server has not seen. */
  baseVersion: number | null;
  /** A mutation naming a file that is not uploaded yet waits for it (docs/ARCHITECTURE.md §7.4). */
  blockedOnBlob?: boolean;
}

/**
 * Writes one outbox row inside the caller's transaction. Its id is created here, once, and
 * never regenerated; it points at the previous mutation of the same aggregate.
 */
export function enqueueMutation(db: Db, mutation: Mutation, at: string): string {
  const mutationId = uuidv7();
  const prev = statement(db, 'SELECT mutation_id FROM outbox WHERE aggregate = ? ORDER BY seq DESC LIMIT 1')
    .pluck()
    .get(mutation.aggregate) as string | undefined;
  statement(db, 
    `INSERT INTO outbox (mutation_id, aggregate, prev_mutation_id, base_version, kind, payload, actor, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    mutationId,
    mutation.aggregate,
    prev ?? null,
    mutation.baseVersion,
    mutation.kind,
    JSON.stringify(mutation.payload),
    mutation.actor,
    mutation.blockedOnBlob ? 'blocked_on_blob' : 'pending',
    at,
  );
  return mutationId;
}
