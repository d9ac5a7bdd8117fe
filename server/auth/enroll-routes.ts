import type { FastifyPluginAsync } from 'fastify';
import { DeskKeyRequest } from '../../shared/clerk-account';
import { ENROLL_REFUSALS, EnrollRequest } from '../../shared/sync-protocol';
import type { EnrollRefusal, EnrollResponse } from '../../shared/sync-protocol';
import { readDeskKey } from '../clerks/desk-keys';
import { HttpError } from '../http/http-error';
import type { ServerDeps } from '../http/server-deps';
import { deskAuth, deskCaller } from '../http/sync-headers';
import type { ZodTypeProvider } from '../http/zod-schemas';
import { claimEnrollmentCode, registerDeskKey } from './enrollment';
import type { DeskPlace } from './enrollment';

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

/** The refusal in words: IT reads it in the desk's Settings and log. */
function refusal(reason: EnrollRefusal, codePlace: DeskPlace | null, deskPlace: DeskPlace | null): HttpError {
  const code = ENROLL_REFUSALS[reason];
  if (reason === 'expired') return new HttpError(401, code, 'The enrollment code has expired: issue a new one with `enroll`');
  if (reason === 'used') return new HttpError(401, code, 'The enrollment code was already used by a desk: issue a new one with `enroll`');
  if (reason === 'other_desk' && codePlace && deskPlace) {
    return new HttpError(
      409,
      code,
      `The enrollment code is for center ${codePlace.centerCode}, desk ${codePlace.deskCode}; this desk is configured as center ${deskPlace.centerCode}, desk ${deskPlace.deskCode}. The code was not used up`,
    );
  }
  return new HttpError(401, code, 'The enrollment code is unknown: check it was typed as printed');
}

/** Both codes or neither: half a place is no place. */
function placeOf(centerCode: string | undefined, deskCode: string | undefined): DeskPlace | null {
  if (centerCode === undefined && deskCode === undefined) return null;
  if (centerCode === undefined || deskCode === undefined)
    throw new HttpError(400, 'place_incomplete', 'Send both centerCode and deskCode (the place this desk is configured as), or neither');
  return { centerCode, deskCode };
}

/** A desk exchanges the admin's one-time code for its device token, and registers the key that signs its clerks' sessions. */
export function enrollRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/enroll',
      { bodyLimit: ENROLL_MAX_BYTES, schema: { body: EnrollRequest }, config: { rateLimit: ENROLL_RATE_LIMIT } },
      async (request): Promise<EnrollResponse> => {
        const { code, deviceName, publicKey, centerCode, deskCode } = request.body;
        const place = placeOf(centerCode, deskCode);
        const outcome = await claimEnrollmentCode(deps.storage, { code, deviceName, publicKey: requireDeskKey(publicKey), place });
        if (outcome.kind === 'refused') throw refusal(outcome.reason, outcome.place, place);
        return outcome.value;
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
