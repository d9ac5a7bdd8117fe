import { EventSource } from 'eventsource';
import { deskHeaders } from '../sync/http-client';
import type { QueueHttpOptions } from './queue-http';

export interface QueueEventsOptions extends Pick<QueueHttpOptions, 'baseUrl' | 'token' | 'actor' | 'fetch'> {
  /** The queue may have changed: re-read the desk's state (on `changed`, and on every (re)connect or drop). */
  onChanged: () => void;
  /** After the back office refused the stream (a non-200 answer, which eventsource never retries), try again after this. */
  reopenMs?: number;
}

/**
 * The desk's subscription to `GET /queue/events` (SSE). eventsource reconnects by itself after a
 * dropped connection; an answer it gives up on (401, 404, 5xx while the back office restarts) is
 * reopened here after a pause. A connect or a drop also asks for a re-read: what changed while
 * the stream was down was never sent, and a failed read marks the panel offline.
 */
export function subscribeQueueEvents(options: QueueEventsOptions): { close(): void } {
  let source: EventSource | null = null;
  let reopen: NodeJS.Timeout | null = null;
  let closed = false;

  function open(): void {
    source = new EventSource(new URL('/queue/events', options.baseUrl), {
      fetch: (input, init) => options.fetch(input, { ...init, headers: { ...init.headers, ...deskHeaders(options, false) } }),
    });
    source.addEventListener('changed', () => options.onChanged());
    source.addEventListener('open', () => options.onChanged());
    source.addEventListener('error', () => {
      options.onChanged();
      if (source?.readyState === EventSource.CLOSED && !closed) {
        reopen = setTimeout(open, options.reopenMs ?? 5_000);
        reopen.unref();
      }
    });
  }

  open();
  return {
    close() {
      closed = true;
      if (reopen) clearTimeout(reopen);
      source?.close();
    },
  };
}
