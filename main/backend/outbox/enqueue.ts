import { aggregateOf, parsePayload } from '../../../shared/sync-mutations';
import type { MutationKind, MutationPayload } from '../../../shared/sync-mutations';
import type { Db } from '../db/open';
import { uuidv7 } from '../ids';
import { statement } from '../db/statements';

/** A mutation of one kind, its payload typed by shared/sync-mutations.ts. */
export type Mutation<K extends MutationKind = MutationKind> = {
  [Kind in K]: {
    /** What the back office applies: `application.register`, `application.status`… */
    kind: Kind;
    payload: MutationPayload<Kind>;
    actor: string;
    /** The actor's sign-in session (clerk_sessions): a push names it so the back office can verify who made the change. */
    sessionId?: string | null;
    /** The server version the change was made against; null for a record the server has not seen. */
    baseVersion: number | null;
    /** A mutation naming a file that is not uploaded yet waits for it (docs/ARCHITECTURE.md §7.4). */
    blockedOnBlob?: boolean;
  };
}[K];

/** A payload its kind's schema refuses: a bug in the command that built it, never the clerk's input. */
export class InvalidMutationPayload extends Error {
  constructor(
    readonly kind: MutationKind,
    readonly issues: readonly { path: readonly PropertyKey[]; message: string }[],
  ) {
    super(
      `The ${kind} payload breaks its schema: ${issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
    this.name = 'InvalidMutationPayload';
  }
}

/**
 * Writes one outbox row inside the caller's transaction, after checking the payload with its
 * kind's shared schema (a throw here rolls the caller's transaction back). Its id is created
 * here, once, and never regenerated; it points at the previous mutation of the same aggregate
 * (`application:<id>`…, derived from the kind and the payload).
 */
export function enqueueMutation<K extends MutationKind>(db: Db, mutation: Mutation<K>, at: string): string {
  const parsed = parsePayload(mutation.kind, mutation.payload);
  if (!parsed.success) throw new InvalidMutationPayload(mutation.kind, parsed.error.issues);
  const aggregate = aggregateOf(mutation.kind, mutation.payload);
  const mutationId = uuidv7();
  const prev = statement(db, 'SELECT mutation_id FROM outbox WHERE aggregate = ? ORDER BY seq DESC LIMIT 1').pluck().get(aggregate) as
    string | undefined;
  statement(
    db,
    `INSERT INTO outbox (mutation_id, aggregate, prev_mutation_id, base_version, kind, payload, actor, session_id, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    mutationId,
    aggregate,
    prev ?? null,
    mutation.baseVersion,
    mutation.kind,
    JSON.stringify(mutation.payload),
    mutation.actor,
    mutation.sessionId ?? null,
    mutation.blockedOnBlob ? 'blocked_on_blob' : 'pending',
    at,
  );
  return mutationId;
}
