import type { z } from 'zod';
import {
  CURSOR_AHEAD,
  ENROLL_REFUSALS,
  EnrollResponse,
  ErrorResponse,
  HEADER_ACTOR,
  HEADER_PROTOCOL,
  PROTOCOL_VERSION,
  PullResponse,
  PushResponse,
} from '../../../shared/sync-protocol';
import type { EnrollRefusal, Mutation, PushRequest } from '../../../shared/sync-protocol';
import type { ClerkPasswordRequest, SessionAssertion } from '../../../shared/clerk-account';
import { retryAfterMs } from './backoff';

/** How one request to the back office ended, in the terms the engine acts on. */
export type SyncReply<T> =
  | { kind: 'ok'; value: T; clockOffsetMs: number | null }
  /** 401: the device token is unknown or revoked — pause, ask for enrollment, burn no attempts. */
  | { kind: 'auth'; message: string }
  /** 426: this desk is too old for the server. */
  | { kind: 'update_required'; message: string }
  /**
   * 410: the pull cursor is older than the server keeps, or (`serverBehind`) beyond all it
   * holds — the server was restored from an older backup and may have lost what we delivered.
   */
  | { kind: 'gone'; serverBehind: boolean }
  /** 400 or 413: the server cannot take the request as sent; the same request again will not help. */
  | { kind: 'bad_request'; message: string }
  /** Anything worth retrying: no network, a reset, a timeout, 429, 5xx, an unreadable answer. */
  | { kind: 'retry'; retryAfterMs: number | null; reason: string };

export interface SyncHttpOptions {
  baseUrl: string;
  token: () => string | null;
  actor: () => string;
  fetch: typeof fetch;
  now: () => Date;
  timeoutMs?: number;
}

async function isCursorAhead(response: Response): Promise<boolean> {
  const body = ErrorResponse.safeParse(await response.json().catch(() => null));
  return body.success && body.data.error.code === CURSOR_AHEAD;
}

/** What every desk request to the back office carries: the protocol, who acts, the device token, and the body's type. */
export function deskHeaders(options: Pick<SyncHttpOptions, 'token' | 'actor'>, hasBody: boolean): Record<string, string> {
  const token = options.token();
  return {
    [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
    [HEADER_ACTOR]: options.actor(),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(hasBody ? { 'content-type': 'application/json' } : {}),
  };
}

type Failure = Exclude<SyncReply<never>, { kind: 'ok' }>;

/** The response, or the failure to reach the back office at all. */
async function send(options: SyncHttpOptions, path: string, init: RequestInit): Promise<Response | Failure> {
  try {
    return await options.fetch(new URL(path, options.baseUrl), {
      ...init,
      headers: deskHeaders(options, init.body !== undefined),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    return { kind: 'retry', retryAfterMs: null, reason: `network: ${(error as Error).message}` };
  }
}

/**
 * What a refusal said, for the log and the sync panel: the message of the back office's own error
 * answer (its messages never carry personal data), else only the body's size. A proxy's page or
 * a server that echoes the request may quote a citizen's name, which no scrubber can recognise.
 */
export async function answerText(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  if (text === '') return '';
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: told by its size below.
  }
  const parsed = ErrorResponse.safeParse(json);
  if (parsed.success) return parsed.data.error.message.slice(0, 500);
  return `not the back office's error answer (${Buffer.byteLength(text)} bytes, not kept)`;
}

/** What a non-2xx answer means to the engine. */
async function failureOf(options: SyncHttpOptions, response: Response): Promise<Failure> {
  const message = () => answerText(response);
  if (response.status === 401) return { kind: 'auth', message: await message() };
  if (response.status === 426) return { kind: 'update_required', message: await message() };
  if (response.status === 410) return { kind: 'gone', serverBehind: await isCursorAhead(response) };
  if (response.status === 400 || response.status === 413) return { kind: 'bad_request', message: await message() };
  return {
    kind: 'retry',
    retryAfterMs: retryAfterMs(response.headers.get('retry-after'), options.now().getTime()),
    reason: `HTTP ${response.status}: ${await message()}`,
  };
}

async function request<T>(options: SyncHttpOptions, path: string, init: RequestInit, schema: z.ZodType<T>): Promise<SyncReply<T>> {
  const sentAt = options.now().getTime();
  const response = await send(options, path, init);
  if ('kind' in response) return response;
  if (!response.ok) return failureOf(options, response);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    // A JSON parser's message quotes the body, which may hold personal data: only say it was not JSON.
    const why = error instanceof SyntaxError ? 'the body is not JSON' : (error as Error).message;
    return { kind: 'retry', retryAfterMs: null, reason: `unreadable answer: ${why}` };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    return { kind: 'retry', retryAfterMs: null, reason: `answer breaks the protocol: ${parsed.error.message.slice(0, 300)}` };
  const receivedAt = options.now().getTime();
  const serverTime = (body as { serverTime?: unknown }).serverTime;
  // The server's clock minus ours at the middle of the round trip; shown as a warning, never used to order anything.
  const clockOffsetMs = typeof serverTime === 'string' ? Date.parse(serverTime) - (sentAt + receivedAt) / 2 : null;
  return { kind: 'ok', value: parsed.data, clockOffsetMs: Number.isFinite(clockOffsetMs) ? clockOffsetMs : null };
}

function pushBody(mutations: readonly Mutation[], sessions: readonly SessionAssertion[]): string {
  const body: PushRequest = {
    protocol: PROTOCOL_VERSION,
    mutations: [...mutations],
    ...(sessions.length > 0 ? { sessions: [...sessions] } : {}),
  };
  return JSON.stringify(body);
}

/** The bytes of a push body besides its mutations (and the commas between them): the server's 4 MiB counts them too. */
export const PUSH_ENVELOPE_BYTES = Buffer.byteLength(pushBody([], []));

/**
 * How the back office answered a desk key: `registered`, or `taken` (409: a key is registered for
 * this device already, which is this one when an earlier answer was lost), else as other requests.
 */
export type DeskKeyReply = { kind: 'registered' } | { kind: 'taken'; message: string } | Failure;

/**
 * How the back office answered an enrollment: the device, or why the code was refused (its
 * 401 or 409 `error.code`; an older back office says only that it was not accepted: `unknown`), else as other requests.
 */
export type EnrollReply = { kind: 'ok'; value: EnrollResponse } | { kind: 'refused'; reason: EnrollRefusal; message: string } | Failure;

const REFUSAL_OF_CODE = new Map<string, EnrollRefusal>(
  Object.entries(ENROLL_REFUSALS).map(([reason, code]) => [code, reason as EnrollRefusal]),
);

async function enrollRefusal(response: Response): Promise<EnrollReply> {
  const parsed = ErrorResponse.safeParse(await response.json().catch(() => null));
  const reason = parsed.success ? REFUSAL_OF_CODE.get(parsed.data.error.code) : undefined;
  return {
    kind: 'refused',
    reason: reason ?? 'unknown',
    message: parsed.success ? parsed.data.error.message.slice(0, 500) : `HTTP ${response.status}`,
  };
}

/** How the back office answered a clerk's own password change: done, refused with its code (wrong_password …), or not reached. */
export type ClerkPasswordReply = { kind: 'changed' } | { kind: 'refused'; code: string } | Failure;

export function createSyncHttp(options: SyncHttpOptions) {
  return {
    /** `sessions`: the assertions of the sessions the mutations name, each once. */
    push: (mutations: readonly Mutation[], sessions: readonly SessionAssertion[] = []) =>
      request(options, '/sync/push', { method: 'POST', body: pushBody(mutations, sessions) }, PushResponse),
    /** `at`: the change the cursor points at (entity:id:version), so the server can tell a restore that reused its seq. */
    pull: (cursor: number, limit: number, at: string | null = null) =>
      request(
        options,
        `/sync/pull?cursor=${cursor}&limit=${limit}${at === null ? '' : `&at=${encodeURIComponent(at)}`}`,
        { method: 'GET' },
        PullResponse,
      ),
    /**
     * `publicKey`: the desk's (auth/desk-key.ts), registered with the enrollment; `place`: the center and
     * desk this desk is configured as, so the back office refuses another desk's code without using it up.
     */
    async enroll(
      code: string,
      deviceName: string,
      publicKey: string,
      place: { centerCode: string; deskCode: string },
    ): Promise<EnrollReply> {
      const body = JSON.stringify({ code, deviceName, publicKey, ...place });
      const response = await send(options, '/enroll', { method: 'POST', body });
      if ('kind' in response) return response;
      if (response.status === 401 || response.status === 409) return enrollRefusal(response);
      if (!response.ok) return failureOf(options, response);
      const parsed = EnrollResponse.safeParse(await response.json().catch(() => null));
      if (!parsed.success) return { kind: 'retry', retryAfterMs: null, reason: 'the enrollment answer breaks the protocol' };
      return { kind: 'ok', value: parsed.data };
    },
    /** A desk enrolled before desks had keys registers its key once (docs/SYNC.md "Who made a change"). */
    async registerDeskKey(publicKey: string): Promise<DeskKeyReply> {
      const response = await send(options, '/sync/desk-key', { method: 'POST', body: JSON.stringify({ publicKey }) });
      if ('kind' in response) return response;
      if (response.ok) return { kind: 'registered' };
      if (response.status === 409) return { kind: 'taken', message: await answerText(response) };
      return failureOf(options, response);
    },
    async changeClerkPassword(body: ClerkPasswordRequest): Promise<ClerkPasswordReply> {
      const response = await send(options, '/sync/clerk-password', { method: 'POST', body: JSON.stringify(body) });
      if ('kind' in response) return response;
      if (response.ok) return { kind: 'changed' };
      if (response.status === 403 || response.status === 404 || response.status === 400) {
        const parsed = ErrorResponse.safeParse(await response.json().catch(() => null));
        return { kind: 'refused', code: parsed.success ? parsed.data.error.code : `http_${response.status}` };
      }
      return failureOf(options, response);
    },
  };
}

export type SyncHttp = ReturnType<typeof createSyncHttp>;
