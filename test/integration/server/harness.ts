/** Starts the back office in-process on each storage, and speaks the sync protocol to it over real HTTP. */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { QueueHub } from '../../../server/queue/hub';
import { startServer } from '../../../server/app';
import { createEnrollmentCode } from '../../../server/auth/enrollment';
import { publishServerOwned } from '../../../server/catalog/publish';
import { DEFAULT_MAX_BLOB_BYTES } from '../../../server/blobs/blob-routes';
import { createStorage } from '../../../server/storage/create-storage';
import type { Storage, StorageKind } from '../../../server/storage/storage';
import { EnrollResponse, PROTOCOL_VERSION, PullResponse, PushResponse } from '../../../shared/sync-protocol';
import type { Mutation, MutationResult, PushRequest } from '../../../shared/sync-protocol';
import { startPostgres } from '../../helpers/postgres';
import { createClerkAccount } from '../../../server/clerks/accounts';
import type { SessionAssertion } from '../../../shared/clerk-account';
import { newDeskKey, signSession } from '../../helpers/desk-session';
import type { DeskKey } from '../../helpers/desk-session';

/**
 * For `describe.each`: every server test runs on both storages. `VIKNO_TEST_STORAGES=pglite` narrows
 * that to one: the mutation run of the desk's sync code (test/mutation/vitest.sync-desk.config.ts) does, as
 * desk code cannot behave differently by the back office's storage and each mutant then runs half the tests.
 */
export const STORAGES: [StorageKind][] = storagesFrom(process.env.VIKNO_TEST_STORAGES);

function storagesFrom(list: string | undefined): [StorageKind][] {
  const all: StorageKind[] = ['pglite', 'postgresql'];
  if (!list) return all.map((kind) => [kind]);
  const chosen = list.split(',').map((name) => name.trim());
  const unknown = chosen.filter((name) => !all.includes(name as StorageKind));
  if (unknown.length > 0) throw new Error(`VIKNO_TEST_STORAGES: unknown storage ${unknown.join(', ')}; one of ${all.join(', ')}`);
  return all.filter((kind) => chosen.includes(kind)).map((kind) => [kind]);
}

export interface Desk {
  deviceId: string;
  token: string;
  headers: Record<string, string>;
  /** The key the desk registered at enrollment. */
  key: DeskKey;
  /** The center's test clerk account (one per center), signed in on this desk. */
  clerkId: string;
  session: SessionAssertion;
}

/**
 * The actor the mutation builders below write: push and pushRaw make it the desk's signed-in
 * clerk and name the desk's session, so a test pushes as a signed-in clerk without saying so.
 */
export const TEST_ACTOR = 'clerk-1';
/** The name of each center's test clerk account: what the back office records as who made a change. */
export const TEST_CLERK_NAME = 'Коваль Олена';

/**
 * A desk database's outbox rows (made by its local clerk) as the center's test account made
 * them: what a signed-in desk's outbox holds.
 */
export function byDeskClerk(desk: Pick<Desk, 'clerkId'>, mutations: readonly Mutation[]): Mutation[] {
  return mutations.map((m) => ({ ...m, actor: desk.clerkId }));
}

/** The mutations as the desk's signed-in clerk sends them: each names the desk's session, and the push carries it. */
export function signedBody(desk: Pick<Desk, 'clerkId' | 'session'>, mutations: readonly Mutation[]): PushRequest {
  return {
    protocol: PROTOCOL_VERSION,
    mutations: mutations.map((m) => ({
      ...m,
      actor: m.actor === TEST_ACTOR ? desk.clerkId : m.actor,
      sessionId: m.sessionId ?? desk.session.sessionId,
    })),
    sessions: [desk.session],
  };
}

export interface Harness {
  url: string;
  storage: Storage;
  /** The admin routes' token of this server. */
  adminToken: string;
  blobDir: string;
  /** PostgreSQL only: the database, for a test's own connections; null on PGlite. */
  databaseUrl: string | null;
  /** The server's live queue hub: a test tells desks and boards through it as the kiosk or another desk would. */
  queueHub: QueueHub;
  /** Enrolls a desk with a new key, makes its center's test clerk account if there is none yet, and signs that clerk in on it. */
  enrollDesk(centerCode: string, deskCode?: string): Promise<Desk>;
  /** The push as the desk's signed-in clerk (see signedBody), answered as it comes. */
  pushRaw(desk: Desk, mutations: readonly Mutation[]): Promise<Response>;
  /** A push body exactly as given: for tests of what the server refuses. */
  pushBody(desk: Desk, body: unknown): Promise<Response>;
  push(desk: Desk, mutations: readonly Mutation[]): Promise<MutationResult[]>;
  pull(desk: Desk, cursor: number, limit?: number): Promise<PullResponse>;
}

/** A server on `kind` for the enclosing describe block, stopped (and its data removed) after it; `now`: its clock. */
export function useServer(kind: StorageKind, options: { now?: () => Date } = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'vikno-server-test-'));
  const cleanups: (() => Promise<void>)[] = [];
  const harness = {} as Harness;
  beforeAll(async () => {
    let databaseUrl: string | null = null;
    if (kind === 'postgresql') {
      const postgres = await startPostgres();
      cleanups.push(() => postgres.stop());
      databaseUrl = postgres.url;
    }
    const storage = await createStorage({ databaseUrl: databaseUrl ?? undefined, dataDir: join(dir, 'pglite') });
    const adminToken = randomBytes(32).toString('base64url');
    const blobDir = join(dir, 'blobs');
    const queueHub = new QueueHub(options.now);
    const server = await startServer(storage, '127.0.0.1', 0, { dir: blobDir, maxBytes: DEFAULT_MAX_BLOB_BYTES }, adminToken, {
      ...(options.now ? { now: options.now } : {}),
      queueHub,
    });
    cleanups.unshift(() => server.close());
    Object.assign(harness, makeHarness(server.url, storage), { adminToken, blobDir, databaseUrl, queueHub });
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  return harness;
}

function makeHarness(url: string, storage: Storage): Omit<Harness, 'adminToken' | 'blobDir' | 'databaseUrl' | 'queueHub'> {
  const pushBody = (desk: Desk, body: unknown) =>
    fetch(`${url}/sync/push`, { method: 'POST', headers: desk.headers, body: JSON.stringify(body) });
  const pushRaw = (desk: Desk, mutations: readonly Mutation[]) => pushBody(desk, signedBody(desk, mutations));
  const clerks = new Map<string, Promise<string>>();
  const clerkOf = (centerCode: string) => {
    let clerk = clerks.get(centerCode);
    if (!clerk) {
      clerk = createClerkAccount(storage, {
        centerCode,
        login: 'clerk1',
        fullName: TEST_CLERK_NAME,
        roles: ['clerk', 'supervisor'],
        password: 'test-clerk-pass',
        mustChangePassword: false,
      }).then((account) => account.id);
      clerks.set(centerCode, clerk);
    }
    return clerk;
  };
  return {
    url,
    storage,
    enrollDesk: async (centerCode, deskCode = 'D1') => {
      const code = await createEnrollmentCode(storage, { centerCode, deskCode });
      const key = newDeskKey();
      const res = await fetch(`${url}/enroll`, {
        method: 'POST',
        body: JSON.stringify({ code, deviceName: `${centerCode}/${deskCode}`, publicKey: key.publicKey }),
      });
      if (res.status !== 200) throw new Error(`enroll answered ${res.status}`);
      const { deviceId, deviceToken } = EnrollResponse.parse(await res.json());
      const clerkId = await clerkOf(centerCode);
      return {
        deviceId,
        token: deviceToken,
        headers: syncHeaders(deviceToken),
        key,
        clerkId,
        session: signSession(key, deviceId, clerkId),
      };
    },
    pushRaw,
    pushBody,
    push: async (desk, mutations) => {
      const res = await pushRaw(desk, mutations);
      if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
      return PushResponse.parse(await res.json()).results;
    },
    pull: async (desk, cursor, limit) => {
      const query = limit === undefined ? `cursor=${cursor}` : `cursor=${cursor}&limit=${limit}`;
      const res = await fetch(`${url}/sync/pull?${query}`, { headers: desk.headers });
      if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${await res.text()}`);
      return PullResponse.parse(await res.json());
    },
  };
}

export function syncHeaders(token: string, protocol = PROTOCOL_VERSION): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    'x-vikno-actor': 'clerk-1',
    'x-vikno-protocol': String(protocol),
    'content-type': 'application/json',
  };
}

function mutation(
  aggregate: string,
  kind: string,
  payload: Record<string, unknown>,
  prev: Mutation | null,
  baseVersion: number | null,
): Mutation {
  return {
    mutationId: randomUUID(),
    aggregate,
    prevMutationId: prev?.mutationId ?? null,
    baseVersion,
    kind,
    payload,
    actor: TEST_ACTOR,
    createdAt: new Date().toISOString(),
  };
}

/** An `application.register` as main/backend/applications/register-application.ts makes it. */
export function registerMutation(id = randomUUID()): Mutation {
  return mutation(
    `application:${id}`,
    'application.register',
    {
      id,
      regNumber: `C1-D1-${id.slice(0, 8)}`,
      registeredAt: '2026-11-02T09:00:00.000Z',
      registeredOn: '2026-11-02',
      dueDate: '2026-11-20',
      serviceId: 'svc-1',
      applicantId: 'applicant-1',
      items: [{ name: 'Заява', original: true, sheets: 1 }],
      resultDelivery: 'in_person',
    },
    null,
    null,
  );
}

export function statusMutation(
  id: string,
  from: string,
  to: string,
  prev: Mutation | null,
  reason: string | null = null,
  data: Record<string, unknown> = {},
): Mutation {
  return mutation(
    `application:${id}`,
    'application.status',
    { id, from, to, reason, receivedBy: null, at: '2026-11-03T10:00:00.000Z', ...data },
    prev,
    null,
  );
}

export function updateMutation(id: string, fields: Record<string, unknown>, baseVersion: number): Mutation {
  return mutation(`application:${id}`, 'application.update', { id, ...fields }, null, baseVersion);
}

/**
 * The provider's staff on the back office: `service` (a catalog card, as the desks have it) is
 * published by the back office, and `move` makes a provider-side status move over the provider
 * endpoint with a token for the card's provider.
 */
export async function actAsProvider(
  harness: Pick<Harness, 'url' | 'storage' | 'adminToken'>,
  service: { id: string; provider: { edrpou: string } },
): Promise<(id: string, from: string, to: string, data?: Record<string, unknown>) => Promise<Response>> {
  await publishServerOwned(harness.storage, 'service', service.id, service);
  const issued = await fetch(`${harness.url}/admin/provider-tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${harness.adminToken}` },
    body: JSON.stringify({ edrpou: service.provider.edrpou }),
  });
  const { token } = (await issued.json()) as { token: string };
  return async (id, from, to, data = {}) => {
    const res = await fetch(`${harness.url}/provider/applications/${id}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ from, to, actorName: 'Ткач Ірина', ...data }),
    });
    if (!res.ok) throw new Error(`Provider move ${from} → ${to} answered ${res.status}: ${await res.text()}`);
    return res;
  };
}
