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
import type { Mutation, MutationResult } from '../../../shared/sync-protocol';
import { startPostgres } from '../../helpers/postgres';

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
  enrollDesk(centerCode: string, deskCode?: string): Promise<Desk>;
  pushRaw(desk: Desk, mutations: readonly Mutation[]): Promise<Response>;
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
  const pushRaw = (desk: Desk, mutations: readonly Mutation[]) =>
    fetch(`${url}/sync/push`, { method: 'POST', headers: desk.headers, body: JSON.stringify({ protocol: PROTOCOL_VERSION, mutations }) });
  return {
    url,
    storage,
    enrollDesk: async (centerCode, deskCode = 'D1') => {
      const code = await createEnrollmentCode(storage, { centerCode, deskCode });
      const res = await fetch(`${url}/enroll`, { method: 'POST', body: JSON.stringify({ code, deviceName: `${centerCode}/${deskCode}` }) });
      if (res.status !== 200) throw new Error(`enroll answered ${res.status}`);
      const { deviceId, deviceToken } = EnrollResponse.parse(await res.json());
      return { deviceId, token: deviceToken, headers: syncHeaders(deviceToken) };
    },
    pushRaw,
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
    actor: 'clerk-1',
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
