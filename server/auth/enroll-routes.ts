import type { FastifyPluginAsync } from 'fastify';
import { EnrollRequest } from '../../shared/sync-protocol';
import type { EnrollResponse } from '../../shared/sync-protocol';
import { HttpError } from '../http/http-error';
import type { ServerDeps } from '../http/server-deps';
import type { ZodTypeProvider } from '../http/zod-schemas';
import { enrollDevice } from './enrollment';

/** An enrollment body is a code and a name: anything bigger is not one. */
const ENROLL_MAX_BYTES = 4 * 1024;

/**
 * Codes are one-time and random, but an unauthenticated route that checks secrets gets a per-address
 * limit: a center enrolls a handful of desks at once, never dozens a minute from one address.
 */
export const ENROLL_RATE_LIMIT = { max: 30, timeWindow: 60_000 };

/** A desk exchanges the admin's one-time code for its device token. */
export function enrollRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/enroll',
      { bodyLimit: ENROLL_MAX_BYTES, schema: { body: EnrollRequest }, config: { rateLimit: ENROLL_RATE_LIMIT } },
      async (request): Promise<EnrollResponse> => {
        const enrolled = await enrollDevice(deps.storage, request.body.code, request.body.deviceName);
        if (!enrolled) throw new HttpError(401, 'enrollment_code_invalid', 'The enrollment code is unknown, expired or already used');
        return enrolled;
      },
    );
  };
}
