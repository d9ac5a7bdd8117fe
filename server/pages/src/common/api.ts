import { z } from 'zod';

// zod compiles parsers with `new Function` when it may; the pages' CSP forbids eval, so it must not try.
z.config({ jitless: true });

/**
 * A failed call: the server's error code (`{"error": {"code", "message"}}`), `network` when the
 * server was not reached, `bad_answer` when its answer did not match the protocol.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const NETWORK = 'network';
export const BAD_ANSWER = 'bad_answer';

/** Fetches `url` and parses the JSON answer with the protocol's schema; a 204 parses `null`. */
export async function fetchJson<T>(url: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    throw new ApiError(NETWORK, 0, error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    throw new ApiError(BAD_ANSWER, response.status, `not JSON (${response.status})`);
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      typeof error?.code === 'string' ? error.code : `http_${response.status}`,
      response.status,
      typeof error?.message === 'string' ? error.message : response.statusText,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(BAD_ANSWER, response.status, parsed.error.message);
  return parsed.data;
}

/** A JSON POST (or DELETE) body with its content type. */
export function jsonBody(method: 'POST' | 'DELETE', body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } };
}

export function errorCode(error: unknown): string {
  return error instanceof ApiError ? error.code : NETWORK;
}
