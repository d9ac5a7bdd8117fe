import type { IncomingHttpHeaders } from 'node:http';
import { AppVersionHeader, HEADER_ACTOR, HEADER_APP_VERSION, HEADER_DEVICE_TOKEN, HEADER_PROTOCOL } from '../../shared/sync-protocol';
import type { Device } from '../auth/devices';
import { deviceForToken, noteVisit } from '../auth/devices';
import type { Storage } from '../storage/storage';
import { HttpError } from './http-error';

/** The oldest desk protocol this server still speaks; older desks get 426 and must update. */
export const MIN_PROTOCOL = 1;

/** What a route hands the checks: a Fastify request or the raw IncomingMessage alike. */
export interface WithHeaders {
  headers: IncomingHttpHeaders;
}

function header(req: WithHeaders, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The protocol version a desk announces: 426 below the minimum. */
export function requireProtocol(req: WithHeaders): number {
  const raw = header(req, HEADER_PROTOCOL);
  const version = Number(raw);
  if (raw === undefined || !Number.isInteger(version))
    throw new HttpError(400, 'protocol_missing', `The ${HEADER_PROTOCOL} header must name the protocol version`);
  if (version < MIN_PROTOCOL)
    throw new HttpError(426, 'protocol_too_old', `Protocol ${version} is no longer supported; update the desk (minimum ${MIN_PROTOCOL})`);
  return version;
}

/**
 * The enrolled, unrevoked device of the bearer token: 401 otherwise. Its visit and announced app
 * version are recorded for the `devices` command; a version header that is no version is ignored.
 */
async function requireDevice(req: WithHeaders, storage: Storage): Promise<Device> {
  const match = /^Bearer (\S+)$/.exec(header(req, HEADER_DEVICE_TOKEN) ?? '');
  const unauthorized = new HttpError(401, 'unauthorized', 'Unknown or revoked device token', { 'www-authenticate': 'Bearer' });
  if (!match?.[1]) throw unauthorized;
  const device = await deviceForToken(storage, match[1]);
  if (!device) throw unauthorized;
  const version = AppVersionHeader.safeParse(header(req, HEADER_APP_VERSION));
  await noteVisit(storage, device, version.success ? version.data : null);
  return { id: device.id, centerCode: device.centerCode, deskCode: device.deskCode };
}

/** The clerk acting on the desk. 400, not 401: the token is good, the desk forgot a header; a 401 would pause its sync as if revoked. */
function requireActor(req: WithHeaders): string {
  const actor = header(req, HEADER_ACTOR)?.trim();
  if (!actor) throw new HttpError(400, 'actor_missing', `Every sync request names the acting clerk in ${HEADER_ACTOR}`);
  return actor;
}

/** The enrolled, unrevoked device of the bearer token, and the clerk acting on it: 401 otherwise. */
export async function requireDesk(req: WithHeaders, storage: Storage): Promise<{ device: Device; actor: string }> {
  const device = await requireDevice(req, storage);
  return { device, actor: requireActor(req) };
}

export interface DeskCaller {
  device: Device;
  actor: string;
}

const callers = new WeakMap<object, DeskCaller>();

/**
 * A route's `onRequest` hook: the desk's token, then its protocol and acting clerk, are checked
 * before its body is read or validated, so a caller without credentials gets 401 before any other
 * answer, learns nothing about the body and costs no read of it. The handler then takes the caller
 * with `deskCaller(request)`.
 */
export function deskAuth(storage: Storage): (request: WithHeaders) => Promise<void> {
  return async (request) => {
    const device = await requireDevice(request, storage);
    requireProtocol(request);
    callers.set(request, { device, actor: requireActor(request) });
  };
}

/** The desk `deskAuth` admitted for this request. */
export function deskCaller(request: object): DeskCaller {
  const caller = callers.get(request);
  if (!caller) throw new Error('deskCaller: the route has no deskAuth hook');
  return caller;
}
