/**
 * One simulated desk of the region load driver: an async loop in the driver's process (not an OS
 * process) speaking the real sync protocol through the desk's own HTTP client
 * (main/backend/sync/http-client.ts): enrollment with its Ed25519 key, pushes naming a signed
 * clerk session, pulls to the head in pages as the desk's sync engine does.
 */
import { Agent, fetch as undiciFetch } from 'undici';
import { createSyncHttp } from '../../main/backend/sync/http-client';
import type { SyncHttp, SyncReply } from '../../main/backend/sync/http-client';
import type { SessionAssertion } from '../../shared/clerk-account';
import { PULL_MAX_LIMIT } from '../../shared/sync-protocol';
import type { Mutation, MutationResult } from '../../shared/sync-protocol';
import { newDeskKey, signSession } from '../helpers/desk-session';
import type { DeskIdentity } from './region-visits';

export interface SimulatedDesk {
  identity: DeskIdentity;
  http: SyncHttp;
  session: SessionAssertion;
  cursor: number;
  /** The change the cursor points at (entity:id:version), sent with each pull as the desk does. */
  at: string | null;
}

/**
 * The desk's own connections, from `sourceAddress` (a loopback address of its center, 127.0.x.y):
 * the back office limits enrollments per address as it would see them from a region's centers.
 */
function deskFetch(sourceAddress: string): typeof fetch {
  const dispatcher = new Agent({ localAddress: sourceAddress });
  // undici's fetch is the one Node's global fetch is built on; its types are declared apart, hence the casts.
  return ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher })) as unknown as typeof fetch;
}

/** Enrolls with a one-time code and signs the center's clerk in, as a desk at its first start does. */
export async function enrollDesk(
  baseUrl: string,
  place: { centerCode: string; deskCode: string; sourceAddress: string },
  code: string,
  clerk: { id: string; name: string },
): Promise<SimulatedDesk> {
  const key = newDeskKey();
  let token: string | null = null;
  const http = createSyncHttp({
    baseUrl,
    token: () => token,
    actor: () => clerk.id,
    fetch: deskFetch(place.sourceAddress),
    now: () => new Date(),
  });
  const where = { centerCode: place.centerCode, deskCode: place.deskCode };
  const enrolled = await http.enroll(code, `bench ${place.centerCode}/${place.deskCode}`, key.publicKey, where);
  if (enrolled.kind !== 'ok') throw new Error(`desk ${place.centerCode}/${place.deskCode} was not enrolled: ${enrolled.kind}`);
  token = enrolled.value.deviceToken;
  const session = signSession(key, enrolled.value.deviceId, clerk.id);
  return {
    identity: { ...where, clerkId: clerk.id, clerkName: clerk.name, sessionId: session.sessionId },
    http,
    session,
    cursor: 0,
    at: null,
  };
}

function unwrap<T>(reply: SyncReply<T>, what: string): T {
  if (reply.kind !== 'ok') throw new Error(`${what} failed: ${JSON.stringify(reply)}`);
  return reply.value;
}

/** How one push went: its results, and how many times the back office said "overloaded, retry". */
export interface PushOutcome {
  results: MutationResult[];
  retries: number;
}

/**
 * Pushes one batch until the back office takes it: a 503 or a dropped connection is waited out
 * for the Retry-After it names (or 1 s), as the desk's engine waits; anything else is a bench bug.
 */
export async function pushBatch(desk: SimulatedDesk, mutations: Mutation[], stopAt: number): Promise<PushOutcome> {
  for (let retries = 0; ; retries += 1) {
    const reply = await desk.http.push(mutations, [desk.session]);
    if (reply.kind === 'ok') return { results: reply.value.results, retries };
    if (reply.kind !== 'retry' || Date.now() > stopAt) throw new Error(`push failed: ${JSON.stringify(reply)}`);
    await new Promise((resolve) => setTimeout(resolve, reply.retryAfterMs ?? 1000));
  }
}

/** Pulls until the back office has nothing more; `seen` gets each change's entity:id:version. */
export async function pullToHead(desk: SimulatedDesk, seen: (record: string) => void): Promise<number> {
  let changes = 0;
  for (;;) {
    const page = unwrap(await desk.http.pull(desk.cursor, PULL_MAX_LIMIT, desk.at), 'pull');
    for (const change of page.changes) seen(`${change.entity}:${change.id}:${change.version}`);
    const last = page.changes.at(-1);
    if (last) desk.at = `${last.entity}:${last.id}:${last.version}`;
    desk.cursor = page.cursor;
    changes += page.changes.length;
    if (!page.hasMore) return changes;
  }
}
