import type { z } from 'zod';
import { DeskQueueState, QueueCommandResult, QueueStatistics } from '../../../shared/queue-protocol';
import type { QueueAction } from '../../../shared/queue-protocol';
import { ErrorResponse } from '../../../shared/sync-protocol';
import { deskHeaders } from '../sync/http-client';
import type { SyncHttpOptions } from '../sync/http-client';

/** How one queue request ended, in the terms the panel acts on. */
export type QueueReply<T> =
  | { kind: 'ok'; value: T }
  /** The back office answered and said no (409 with a QUEUE_ERRORS code, 404, 400…): it is reachable. */
  | { kind: 'refused'; status: number; code: string; message: string }
  /** No answer that counts: no network, a timeout, 401/426, 5xx, an answer that breaks the protocol. */
  | { kind: 'unreachable'; reason: string };

export type QueueHttpOptions = Pick<SyncHttpOptions, 'baseUrl' | 'token' | 'actor' | 'fetch'> & {
  /** The clerk waits on these at the counter: shorter than sync's. */
  timeoutMs?: number;
};

async function request<T>(options: QueueHttpOptions, path: string, init: RequestInit, schema: z.ZodType<T>): Promise<QueueReply<T>> {
  let response: Response;
  try {
    response = await options.fetch(new URL(path, options.baseUrl), {
      ...init,
      headers: deskHeaders(options, init.body !== undefined),
      signal: AbortSignal.timeout(options.timeoutMs ?? 8_000),
    });
  } catch (error) {
    return { kind: 'unreachable', reason: `network: ${(error as Error).message}` };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    return { kind: 'unreachable', reason: `HTTP ${response.status}, unreadable answer: ${(error as Error).message}` };
  }
  if (!response.ok) {
    const error = ErrorResponse.safeParse(body);
    const refusal = response.status >= 400 && response.status < 500 && ![401, 408, 426, 429].includes(response.status);
    if (refusal && error.success) return { kind: 'refused', status: response.status, ...error.data.error };
    return { kind: 'unreachable', reason: `HTTP ${response.status}${error.success ? `: ${error.data.error.message}` : ''}` };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { kind: 'unreachable', reason: `answer breaks the protocol: ${parsed.error.message.slice(0, 300)}` };
  return { kind: 'ok', value: parsed.data };
}

/** The desk's client of the back office's queue routes (docs/SYNC.md, "The electronic queue"). */
export function createQueueHttp(options: QueueHttpOptions) {
  return {
    state: () => request(options, '/queue/state', { method: 'GET' }, DeskQueueState),
    /**
     * A counter command. When its answer is lost the same commandId is sent once more: the back
     * office answers a repeated commandId with the first answer, so the call never happens twice.
     */
    async command(commandId: string, command: QueueAction): Promise<QueueReply<QueueCommandResult>> {
      const send = () =>
        request(options, '/queue/commands', { method: 'POST', body: JSON.stringify({ commandId, command }) }, QueueCommandResult);
      const first = await send();
      return first.kind === 'unreachable' ? send() : first;
    },
    statistics: (from: string, to: string) =>
      request(
        options,
        `/queue/statistics?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        { method: 'GET' },
        QueueStatistics,
      ),
  };
}

export type QueueHttp = ReturnType<typeof createQueueHttp>;
