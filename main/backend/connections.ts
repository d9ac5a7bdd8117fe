import type { Session } from '../../shared/roles';
import type { CallFrame, ServerFrame } from '../../shared/rpc';
import type { CallContext, Dispatch } from './dispatch';

/** One client of the backend: a window's MessagePort, a WebSocket, or a test. */
export interface BackendConnection {
  receive(frame: CallFrame): void;
  close(): void;
}

export type Send = (frame: ServerFrame) => void;

/**
 * Keeps the open connections, runs each call through the dispatcher as the session the desk is
 * in at that moment (`sessionOf` is read at each call: one clerk signs in for the whole desk,
 * and a sign-out or lock takes effect for every window at once; calls on one
 * connection run concurrently: a slow handler does not hold up the next call) and tracks
 * the calls in flight so shutdown can wait for them to answer.
 */
export function createConnections(
  dispatch: Dispatch,
  sessionOf: () => Session | null = () => null,
  afterCall: (method: string) => void = () => undefined,
) {
  const open = new Set<Send>();
  const inflight = new Set<Promise<void>>();
  let draining = false;

  return {
    connect(send: Send, onOpen?: (send: Send) => void): BackendConnection {
      open.add(send);
      onOpen?.(send);
      return {
        receive(frame) {
          const done = (async () => {
            const ctx: CallContext = { session: draining ? null : sessionOf() };
            const result = draining
              ? { ok: false as const, error: { code: 'UNAVAILABLE' as const, message: 'The backend is shutting down' } }
              : await dispatch(frame.method, frame.input, ctx);
            if (open.has(send)) send({ kind: 'result', id: frame.id, result });
            if (result.ok) afterCall(frame.method);
          })();
          inflight.add(done);
          void done.finally(() => inflight.delete(done));
        },
        close() {
          open.delete(send);
        },
      };
    },
    broadcast(frame: ServerFrame): void {
      for (const send of open) send(frame);
    },
    /** Refuses new calls, waits for the ones in flight, then drops every connection. */
    async drain(): Promise<void> {
      draining = true;
      await Promise.allSettled([...inflight]);
      open.clear();
    },
  };
}
