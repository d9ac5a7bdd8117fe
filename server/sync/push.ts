import type { Device } from '../auth/devices';
import type { Mutation, MutationResult } from '../../shared/sync-protocol';
import type { Sql, Storage } from '../storage/storage';
import type { Outcome } from './apply/outcome';
import type { Resolved } from './apply/policies';
import { resolvePolicy } from './apply/policies';
import { EntityStore } from './entity-store';
import type { EntityName, MutationLogRow, Wanted } from './entity-store';
import { isRetryable } from '../storage/retryable';
import { mutationHash } from './payload-hash';
import { checkSessions } from '../clerks/session-check';
import type { VerifiedClerk } from '../clerks/session-check';

type Stored = Extract<Outcome, { status: 'applied' | 'rejected' }>;

/** A mutation_log row: what was answered to a mutation id, and a hash of what it carried. */
interface Logged {
  payloadHash: string;
  result: Stored;
}

interface Pending {
  mutation: Mutation;
  hash: string;
  resolved: Resolved;
}

/** The stored answer to a mutation id seen before: its result, or a rejection if the id now carries something else. */
function answerRepeat(mutationId: string, logged: Logged, hash: string): MutationResult {
  if (logged.payloadHash !== hash) {
    return {
      mutationId,
      status: 'rejected',
      code: 'mutation_id_reused',
      message: 'This mutation id was already used for a different mutation',
      fieldErrors: [],
    };
  }
  return logged.result.status === 'applied'
    ? { mutationId, status: 'duplicate', version: logged.result.version }
    : { mutationId, ...logged.result };
}

/** The mutation_log rows of the batch's ids and of the predecessors they name, in one query. */
async function readLog(tx: Sql, mutations: readonly Mutation[]): Promise<Map<string, Logged>> {
  const ids = new Set<string>();
  for (const m of mutations) {
    ids.add(m.mutationId);
    if (m.prevMutationId !== null) ids.add(m.prevMutationId);
  }
  const rows = await tx.query<{ mutation_id: string; payload_hash: string; result: Stored }>(
    'SELECT mutation_id, payload_hash, result FROM mutation_log WHERE mutation_id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify([...ids])],
  );
  return new Map(rows.map((row) => [row.mutation_id, { payloadHash: row.payload_hash, result: row.result }]));
}

/** The records, base versions and files the batch's policies will ask for. */
function wantedBy(pending: readonly Pending[], centerCode: string): Wanted {
  const rows: { entity: EntityName; id: string }[] = [];
  const versions: { entity: EntityName; id: string; version: number }[] = [];
  const blobs: Wanted['blobs'][number][] = [];
  for (const { mutation, resolved } of pending) {
    if (!resolved.ok) continue;
    rows.push({ entity: resolved.entity, id: resolved.id });
    if (mutation.baseVersion !== null) versions.push({ entity: resolved.entity, id: resolved.id, version: mutation.baseVersion });
    const sha = mutation.payload.blobSha256;
    if (typeof sha === 'string') blobs.push({ centerCode, sha256: sha });
  }
  return { rows, versions, blobs };
}

/** Served by the index of server migration 0006; exported for the test that checks the plan. */
export const OWN_VERSIONS_SQL =
  "SELECT result->>'version' AS version FROM mutation_log WHERE device_id = $1 AND aggregate = $2 AND result->>'status' = 'applied'";

/**
 * The versions of `aggregate` this device's applied mutations produced: logged by earlier
 * pushes, or by this batch so far (`batch`, not yet written).
 */
async function ownVersions(tx: Sql, device: Device, aggregate: string, batch: readonly MutationLogRow[]): Promise<number[]> {
  const logged = await tx.query<{ version: unknown }>(OWN_VERSIONS_SQL, [device.id, aggregate]);
  const inBatch = batch.filter((row) => row.aggregate === aggregate).map((row) => row.result as Stored);
  const versions = [
    ...logged.map((row) => Number(row.version)),
    ...inBatch.flatMap((result) => (result.status === 'applied' ? [result.version] : [])),
  ];
  return [...new Set(versions)].sort((a, b) => a - b);
}

/** The numbers the batch's registrations carry, to look their holders up at once. */
function registeredNumbers(pending: readonly Pending[]): string[] {
  return pending.flatMap(({ mutation, resolved }) => {
    const regNumber = mutation.payload.regNumber;
    return resolved.ok && mutation.kind === 'application.register' && typeof regNumber === 'string' ? [regNumber] : [];
  });
}

async function decide(
  tx: Sql,
  store: EntityStore,
  device: Device,
  { mutation, resolved }: Pending,
  clerk: VerifiedClerk,
  log: ReadonlyMap<string, Logged>,
  batch: readonly MutationLogRow[],
): Promise<Outcome> {
  if (!resolved.ok) return { status: 'rejected', code: resolved.code, message: resolved.message, fieldErrors: [] };
  let predecessorVersion: number | null = null;
  if (mutation.prevMutationId !== null) {
    const prev = log.get(mutation.prevMutationId);
    if (!prev) return { status: 'retry_later', reason: 'predecessor_missing' };
    predecessorVersion = prev.result.status === 'applied' ? prev.result.version : null;
  }
  try {
    const outcome = await resolved.policy({
      store,
      tx,
      device,
      mutation,
      clerk,
      id: resolved.id,
      predecessorVersion,
      ownVersions: () => ownVersions(tx, device, mutation.aggregate, batch),
    });
    if (outcome.status === 'applied') store.keepStaged();
    return outcome;
  } finally {
    store.dropStaged();
  }
}

/**
 * Decides every mutation of the batch in order against the records as the batch leaves them,
 * then writes all effects and mutation_log rows set-wise. Applied and rejected results are
 * logged with the effects (one commit: an effect never lands without its log row, nor the
 * reverse); a conflict or retry-later leaves no trace, so the same id can come again.
 *
 * Log rows are inserted without ON CONFLICT: a concurrent push of the same mutation makes the
 * insert fail with a unique violation, the batch runs again (see push) and then answers
 * `duplicate` from the winner's row — one effect, never two.
 */
async function applyBatch(
  tx: Sql,
  device: Device,
  mutations: readonly Mutation[],
  sessions: readonly unknown[],
): Promise<MutationResult[]> {
  const pending: Pending[] = mutations.map((mutation) => ({
    mutation,
    hash: mutationHash(mutation),
    resolved: resolvePolicy(mutation.aggregate, mutation.kind, mutation.payload),
  }));
  const store = new EntityStore(tx);
  await store.prefetch(wantedBy(pending, device.centerCode));
  await store.prefetchRegNumbers(device.centerCode, registeredNumbers(pending));
  // After the row locks: a concurrent push of the same mutations holds them until it commits,
  // and under READ COMMITTED this read then sees its log rows, so we answer `duplicate` — read
  // before, we would decide against its effects and could answer a false `conflict`.
  const log = await readLog(tx, mutations);
  const verdicts = await checkSessions(tx, device, mutations, sessions);
  const logged: MutationLogRow[] = [];
  const results: MutationResult[] = [];
  for (const [index, item] of pending.entries()) {
    const { mutationId } = item.mutation;
    const seen = log.get(mutationId);
    if (seen) {
      results.push(answerRepeat(mutationId, seen, item.hash));
      continue;
    }
    const verdict = verdicts[index]!;
    // Not logged: the same mutation sent again with a session the server can verify is then applied.
    if (!verdict.ok) {
      results.push({ mutationId, status: 'rejected', code: verdict.code, message: verdict.message, fieldErrors: [] });
      continue;
    }
    const outcome = await decide(tx, store, device, item, verdict.clerk, log, logged);
    if (outcome.status === 'applied' || outcome.status === 'rejected') {
      log.set(mutationId, { payloadHash: item.hash, result: outcome });
      const { mutation } = item;
      logged.push({
        mutation_id: mutationId,
        device_id: device.id,
        aggregate: mutation.aggregate,
        kind: mutation.kind,
        actor: mutation.actor,
        payload_hash: item.hash,
        result: outcome,
      });
    }
    results.push({ mutationId, ...outcome });
  }
  await store.flush(logged);
  return results;
}

/** A race lost this many times in a row is no longer a race: let it fail as a server fault. */
const MAX_ATTEMPTS = 3;

/**
 * Applies a batch in one transaction: one bad record never blocks the others (each mutation
 * is decided on its own and a refused one writes nothing), and the batch costs one durable
 * commit and a handful of statements instead of a commit and ~9 round trips per mutation.
 * A fault before the commit loses the whole batch's effects, never part of one; the desk sends
 * it again and mutation_log answers what was already applied. A race lost to another writer
 * (see isRetryable) runs the batch again: under READ COMMITTED the retry sees the winner.
 */
export async function push(
  storage: Storage,
  device: Device,
  mutations: readonly Mutation[],
  sessions: readonly unknown[] = [],
): Promise<MutationResult[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await storage.transaction((tx) => applyBatch(tx, device, mutations, sessions));
    } catch (error) {
      if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
