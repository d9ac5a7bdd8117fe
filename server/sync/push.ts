import type { Device } from '../auth/devices';
import type { Mutation, MutationResult } from '../../shared/sync-protocol';
import type { Sql, Storage } from '../storage/storage';
import type { Outcome } from './apply/outcome';
import { resolvePolicy } from './apply/policies';
import { isRetryable } from '../storage/retryable';
import { mutationHash } from './payload-hash';

type Stored = Extract<Outcome, { status: 'applied' | 'rejected' }>;

/**
 * Carries a result that must leave no trace out of the transaction: a conflict or a
 * retry-later is not recorded, so the same mutation id can be sent again later.
 */
class Unrecorded extends Error {
  constructor(readonly outcome: Outcome) {
    super(outcome.status);
  }
}

/** The stored answer to a mutation id seen before: its result, or a rejection if the id now carries something else. */
function answerRepeat(mutationId: string, row: { payload_hash: string; result: Stored }, hash: string): MutationResult {
  if (row.payload_hash !== hash) {
    return { mutationId, status: 'rejected', code: 'mutation_id_reused', message: 'This mutation id was already used for a different mutation', fieldErrors: [] };
  }
  return row.result.status === 'applied' ? { mutationId, status: 'duplicate', version: row.result.version } : { mutationId, ...row.result };
}

async function predecessorVersion(tx: Sql, prevMutationId: string): Promise<{ found: boolean; version: number | null }> {
  const [row] = await tx.query<{ result: Stored }>('SELECT result FROM mutation_log WHERE mutation_id = $1', [prevMutationId]);
  if (!row) return { found: false, version: null };
  return { found: true, version: row.result.status === 'applied' ? row.result.version : null };
}

/** A race lost this many times in a row is no longer a race: let it fail as a server fault. */
const MAX_ATTEMPTS = 3;

/**
 * One mutation in its own savepoint (a subtransaction) with its mutation_log row: it takes
 * effect whole or not at all, and a conflict or retry-later rolls back to leave no trace (see
 * Unrecorded). A race lost inside it (see isRetryable) is retried on the spot: under READ
 * COMMITTED the retry sees the winner's commit.
 */
async function applyInSavepoint(tx: Sql, device: Device, mutation: Mutation): Promise<MutationResult> {
  for (let attempt = 1; ; attempt += 1) {
    await tx.query('SAVEPOINT mutation');
    try {
      const result = await applyOnce(tx, device, mutation);
      await tx.query('RELEASE SAVEPOINT mutation');
      return result;
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT mutation');
      await tx.query('RELEASE SAVEPOINT mutation');
      if (error instanceof Unrecorded) return { mutationId: mutation.mutationId, ...error.outcome };
      if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/**
 * Claims the mutation's log row first (INSERT … ON CONFLICT DO NOTHING on its id): a
 * concurrent push of the same mutation waits on that row, then finds it and answers
 * `duplicate` — one effect, never two. The result is written to the row before commit.
 */
async function applyOnce(tx: Sql, device: Device, mutation: Mutation): Promise<MutationResult> {
  const { mutationId } = mutation;
  const hash = mutationHash(mutation);
  const claimed = await tx.query(
    `INSERT INTO mutation_log (mutation_id, device_id, aggregate, kind, actor, payload_hash) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (mutation_id) DO NOTHING RETURNING mutation_id`,
    [mutationId, device.id, mutation.aggregate, mutation.kind, mutation.actor, hash],
  );
  if (claimed.length === 0) {
    const [seen] = await tx.query<{ payload_hash: string; result: Stored }>('SELECT payload_hash, result FROM mutation_log WHERE mutation_id = $1', [mutationId]);
    if (!seen) throw new Error(`mutation_log row ${mutationId} conflicted but cannot be read`);
    return answerRepeat(mutationId, seen, hash);
  }
  const outcome = await decide(tx, device, mutation);
  if (outcome.status !== 'applied' && outcome.status !== 'rejected') throw new Unrecorded(outcome);
  await tx.query('UPDATE mutation_log SET result = $2::jsonb WHERE mutation_id = $1', [mutationId, JSON.stringify(outcome)]);
  return { mutationId, ...outcome };
}

async function decide(tx: Sql, device: Device, mutation: Mutation): Promise<Outcome> {
  const resolved = resolvePolicy(mutation.aggregate, mutation.kind, mutation.payload);
  if (!resolved.ok) return { status: 'rejected', code: resolved.code, message: resolved.message, fieldErrors: [] };
  let predecessor: number | null = null;
  if (mutation.prevMutationId !== null) {
    const prev = await predecessorVersion(tx, mutation.prevMutationId);
    if (!prev.found) return { status: 'retry_later', reason: 'predecessor_missing' };
    predecessor = prev.version;
  }
  return resolved.policy({ tx, device, mutation, id: resolved.id, predecessorVersion: predecessor });
}

/**
 * Applies a batch in order, each mutation in its own savepoint, all committed together: one
 * bad record never blocks the others, and the batch costs one durable commit instead of one
 * per mutation (the difference between a hundred and thousands of mutations a second). A
 * fault before the commit loses the whole batch's effects, never part of one; the desk sends
 * it again and mutation_log answers what was already applied.
 */
export async function push(storage: Storage, device: Device, mutations: readonly Mutation[]): Promise<MutationResult[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await storage.transaction(async (tx) => {
        const results: MutationResult[] = [];
        for (const mutation of mutations) results.push(await applyInSavepoint(tx, device, mutation));
        return results;
      });
    } catch (error) {
      // A deadlock aborts the whole transaction: run the batch again.
      if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
