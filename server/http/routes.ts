import { EnrollRequest, PULL_MAX_LIMIT, PUSH_MAX_BYTES } from '../../shared/sync-protocol';
import type { Health, PullResponse, PushResponse } from '../../shared/sync-protocol';
import { adminRoutes } from '../admin/admin-routes';
import { PROVIDER_STATUS_PATH, providerRoutes } from '../provider/provider-routes';
import { enrollDevice } from '../auth/enrollment';
import { blobRoutes } from '../blobs/blob-routes';
import type { BlobOptions } from '../blobs/blob-routes';
import type { StatisticsKeeper } from '../storage/statistics';
import type { Storage } from '../storage/storage';
import { pull } from '../sync/pull';
import type { CursorChange } from '../sync/pull';
import { push } from '../sync/push';
import { checkMutations, PushEnvelope } from '../sync/push-request';
import { SERVER_VERSION } from '../version';
import { parseBody, readBody } from './body';
import type { Handler } from './handler';
import { HttpError } from './http-error';
import { MIN_PROTOCOL, requireDesk, requireProtocol } from './sync-headers';

/** An enrollment body is a code and a name: anything bigger is not one. */
const ENROLL_MAX_BYTES = 4 * 1024;
const PULL_DEFAULT_LIMIT = 1000;
/** Pushes applied at once; more get 503 + Retry-After so desks back off instead of piling up. */
const MAX_CONCURRENT_PUSHES = 8;

function intParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n > max)
    throw new HttpError(400, 'invalid_query', `${name} must be a whole number from 0 to ${max}`);
  return n;
}

/** `at=entity:id:version`, the change the desk's cursor points at (see pull's seqReused); 400 if malformed. */
function cursorChange(url: URL): CursorChange | null {
  const raw = url.searchParams.get('at');
  if (raw === null) return null;
  const match = /^([a-z_]+):(.+):(\d{1,9})$/.exec(raw);
  if (!match?.[1] || !match[2] || !match[3])
    throw new HttpError(400, 'invalid_query', 'at must be entity:id:version, the change the cursor points at');
  return { entity: match[1], id: match[2], version: Number(match[3]) };
}

/** The route a path names: a file's hash in it stands as `:sha256` (`/blobs/<sha256>` → `/blobs/:sha256`). */
export function routePath(pathname: string): string {
  if (PROVIDER_STATUS_PATH.test(pathname)) return '/provider/applications/:id/status';
  return pathname.replace(/\/[0-9a-f]{64}(?=\/|$)/, '/:sha256');
}

/** The routes, keyed `METHOD /path` (see routePath). */
export function routes(
  storage: Storage,
  blobs: BlobOptions,
  adminToken: string | null,
  statistics: Pick<StatisticsKeeper, 'written'> | null,
): ReadonlyMap<string, Handler> {
  let pushesInFlight = 0;
  return new Map<string, Handler>([
    ['GET /health', async (): Promise<Health> => ({ status: 'ok', storage: storage.kind, version: SERVER_VERSION })],
    [
      'POST /enroll',
      async (req) => {
        const body = parseBody(await readBody(req, ENROLL_MAX_BYTES), EnrollRequest);
        const enrolled = await enrollDevice(storage, body.code, body.deviceName);
        if (!enrolled) throw new HttpError(401, 'enrollment_code_invalid', 'The enrollment code is unknown, expired or already used');
        return enrolled;
      },
    ],
    [
      'POST /sync/push',
      async (req): Promise<PushResponse> => {
        requireProtocol(req);
        const { device } = await requireDesk(req, storage);
        const body = parseBody(await readBody(req, PUSH_MAX_BYTES), PushEnvelope);
        if (body.protocol < MIN_PROTOCOL) throw new HttpError(426, 'protocol_too_old', `Protocol ${body.protocol} is no longer supported`);
        if (pushesInFlight >= MAX_CONCURRENT_PUSHES)
          throw new HttpError(503, 'overloaded', 'Too many pushes at once; retry shortly', { 'retry-after': '2' });
        pushesInFlight++;
        try {
          const checked = checkMutations(body.mutations);
          const applied = await push(
            storage,
            device,
            checked.flatMap((c) => (c.ok ? [c.mutation] : [])),
          );
          statistics?.written(applied.filter((r) => r.status === 'applied').length);
          // Back in the order they came, the unreadable ones in their places.
          const results = checked.map((c) => (c.ok ? applied.shift()! : c.result));
          return { results, serverTime: new Date().toISOString() };
        } finally {
          pushesInFlight--;
        }
      },
    ],
    [
      'GET /sync/pull',
      async (req, url): Promise<PullResponse> => {
        requireProtocol(req);
        const { device } = await requireDesk(req, storage);
        const cursor = intParam(url, 'cursor', 0, Number.MAX_SAFE_INTEGER);
        const limit = Math.max(1, intParam(url, 'limit', PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT));
        const page = await pull(storage, device.centerCode, cursor, limit, cursorChange(url));
        return { ...page, serverTime: new Date().toISOString() };
      },
    ],
    ...blobRoutes(storage, blobs),
    ...adminRoutes(storage, adminToken),
    ...providerRoutes(storage, adminToken),
  ]);
}
