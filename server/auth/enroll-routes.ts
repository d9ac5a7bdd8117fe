import type { FastifyPluginAsync } from 'fastify';
import { DeskKeyRequest } from '../../shared/clerk-account';
import { EnrollRequest } from '../../shared/sync-protocol';
import type { EnrollResponse } from '../../shared/sync-protocol';
import { readDeskKey } from '../clerks/desk-keys';
import { HttpError } from '../http/http-error';
import type { ServerDeps } from '../http/server-deps';
import { deskAuth, deskCaller } from '../http/sync-headers';
import type { ZodTypeProvider } from '../http/zod-schemas';
import { enrollDevice, registerDeskKey } from './enrollment';

/** An enrollment body is a code, a name and a key: anything bigger is not one. */
const ENROLL_MAX_BYTES = 4 * 1024;

/**
 * Codes are one-time and random, but an unauthenticated route that checks secrets gets a per-address
 * limit: a center enrolls a handful of desks at once, never dozens a minute from one address.
 */
export const ENROLL_RATE_LIMIT = { max: 30, timeWindow: 60_000 };

/** The desk's Ed25519 public key, checked before anything is written: 400 for a missing or foreign one. */
function requireDeskKey(publicKey: string | undefined): string {
  if (publicKey === undefined) {
    throw new HttpError(
      400,
      'public_key_missing',
      "Enrollment needs the desk's public key (publicKey): this desk's version is too old for this back office; update it",
    );
  }
  if (readDeskKey(publicKey) === null)
    throw new HttpError(400, 'public_key_invalid', 'publicKey is not an Ed25519 public key (SPKI DER, base64)');
  return publicKey;
}

/** A desk exchanges the admin's one-time code for its device token, and registers the key that signs its clerks' sessions. */
export function enrollRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/enroll',
      { bodyLimit: ENROLL_MAX_BYTES, schema: { body: EnrollRequest }, config: { rateLimit: ENROLL_RATE_LIMIT } },
      async (request): Promise<EnrollResponse> => {
        const { code, deviceName, publicKey } = request.body;
        const enrolled = await enrollDevice(deps.storage, code, deviceName, requireDeskKey(publicKey));
        if (!enrolled) throw new HttpError(401, 'enrollment_code_invalid', 'The enrollment code is unknown, expired or already used');
        return enrolled;
      },
    );
    app.post(
      '/sync/desk-key',
      { onRequest: deskAuth(deps.storage), bodyLimit: ENROLL_MAX_BYTES, schema: { body: DeskKeyRequest } },
      async (request): Promise<{ registered: true }> => {
        const { device } = deskCaller(request);
        if (!(await registerDeskKey(deps.storage, device.id, requireDeskKey(request.body.publicKey)))) {
          throw new HttpError(409, 'desk_key_registered', 'This desk already has a key; a lost key means enrolling the desk again');
        }
        return { registered: true };
      },
    );
  };
}
