import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { PULL_MAX_LIMIT, PUSH_MAX_BYTES } from '../../shared/sync-protocol';
import type { Health, PushResponse } from '../../shared/sync-protocol';
import { HttpError } from '../http/http-error';
import type { ServerDeps } from '../http/server-deps';
import { deskAuth, deskCaller, MIN_PROTOCOL } from '../http/sync-headers';
import type { ZodTypeProvider } from '../http/zod-schemas';
import { SERVER_VERSION } from '../version';
import { pull } from './pull';
import { pullBody } from './pull-body';
import { push } from './push';
import { checkMutations, PushEnvelope } from './push-request';

const PULL_DEFAULT_LIMIT = 1000;
/** Pushes applied at once; more get 503 + Retry-After so desks back off instead of piling up. */
const MAX_CONCURRENT_PUSHES = 8;

const wholeNumber = (name: string, max: number) =>
  z
    .string()
    .refine((raw) => /^\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) && Number(raw) <= max, {
      message: `${name} must be a whole number from 0 to ${max}`,
    })
    .transform(Number);

/** `at=entity:id:version`: the change the desk's cursor points at (see pull's seqReused). */
const CursorChangeParam = z
  .string()
  .regex(/^([a-z_]+):(.+):(\d{1,9})$/, 'at must be entity:id:version, the change the cursor points at')
  .transform((raw) => {
    const [, entity = '', id = '', version = ''] = /^([a-z_]+):(.+):(\d{1,9})$/.exec(raw) ?? [];
    return { entity, id, version: Number(version) };
  });

const PullQuery = z.object({
  cursor: wholeNumber('cursor', Number.MAX_SAFE_INTEGER).default(0),
  limit: wholeNumber('limit', PULL_MAX_LIMIT)
    .default(PULL_DEFAULT_LIMIT)
    .transform((limit) => Math.max(1, limit)),
  at: CursorChangeParam.nullable().default(null),
});

/** The desk's sync (docs/SYNC.md): health, push and pull, with the device token and the acting clerk. */
export function syncRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { storage } = deps;
  let pushesInFlight = 0;
  const desk = deskAuth(storage);
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.get('/health', async (): Promise<Health> => ({ status: 'ok', storage: storage.kind, version: SERVER_VERSION }));

    app.post(
      '/sync/push',
      { onRequest: desk, bodyLimit: PUSH_MAX_BYTES, schema: { body: PushEnvelope } },
      async (request): Promise<PushResponse> => {
        const { device } = deskCaller(request);
        const body = request.body;
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
            body.sessions ?? [],
          );
          deps.statistics?.written(applied.filter((r) => r.status === 'applied').length);
          // Back in the order they came, the unreadable ones in their places.
          const results = checked.map((c) => (c.ok ? applied.shift()! : c.result));
          return { results, serverTime: deps.now().toISOString() };
        } finally {
          pushesInFlight--;
        }
      },
    );

    // A PullResponse written as text (pull-body.ts): the records' JSON goes out as stored.
    app.get('/sync/pull', { onRequest: desk, schema: { querystring: PullQuery } }, async (request, reply) => {
      const { device } = deskCaller(request);
      const { cursor, limit, at } = request.query;
      const page = await pull(storage, device.centerCode, cursor, limit, at);
      return reply.type('application/json; charset=utf-8').send(pullBody(page, deps.now().toISOString()));
    });
  };
}
