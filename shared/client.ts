/**
 * The renderer-side end of a transport: turns `call`/`on` into frames and frames back into
 * settled promises and events. The preload (MessagePort) and the browser host's WebSocket
 * client both wrap this, so the renderer cannot tell them apart.
 */
import { events, isEventName } from './contract';
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, ViknoApi } from './contract';
import { fail } from './errors';
import type { Envelope } from './errors';
import { ServerFrame } from './rpc';
import type { CallFrame } from './rpc';

export interface RpcClientOptions {
  /** Hands a frame to the transport. Only called while connected. */
  send(frame: CallFrame): void;
  /** How long a call waits for a connection before answering UNAVAILABLE. */
  connectTimeoutMs?: number;
}

export interface RpcClient {
  api: ViknoApi;
  /** Feed every frame the transport receives here; invalid frames are dropped. */
  receive(frame: unknown): void;
  connected(): void;
  /** The link went down: in-flight calls answer UNAVAILABLE, new ones wait for reconnection. */
  disconnected(): void;
  /**
   * The host refused this window's link for good (a missing or stale token): waiting calls and new
   * ones answer UNAVAILABLE at once, since no retry can succeed, until `connected()` on a new link.
   */
  refused(): void;
}

type Listener = (payload: unknown) => void;

interface Pending {
  resolve(result: Envelope<unknown>): void;
}

const LOST = 'The connection to the backend was lost before it answered; the call may or may not have completed.';
const NOT_CONNECTED = 'The backend is not reachable.';
const REFUSED = 'The host refused this window’s link; open the address the host printed when it started.';

export function createRpcClient(options: RpcClientOptions): RpcClient {
  const connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
  const listeners = new Map<EventName, Set<Listener>>();
  const inflight = new Map<number, Pending>();
  let waiting: Array<{ frame: CallFrame; pending: Pending; timer: ReturnType<typeof setTimeout> }> = [];
  let isConnected = false;
  let isRefused = false;
  let nextId = 1;

  function emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of listeners.get(name) ?? []) listener(payload);
  }

  function dispatch(frame: CallFrame, pending: Pending): void {
    inflight.set(frame.id, pending);
    try {
      options.send(frame);
    } catch {
      inflight.delete(frame.id);
      pending.resolve(fail('UNAVAILABLE', NOT_CONNECTED));
    }
  }

  function loseInflight(): void {
    const lost = [...inflight.values()];
    inflight.clear();
    for (const pending of lost) pending.resolve(fail('UNAVAILABLE', LOST));
  }

  const api: ViknoApi = {
    call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Envelope<MethodOutput<M>>> {
      return new Promise((resolve) => {
        const pending: Pending = { resolve: resolve as Pending['resolve'] };
        const frame: CallFrame = { kind: 'call', id: nextId++, method, input };
        if (isConnected) {
          dispatch(frame, pending);
          return;
        }
        if (isRefused) {
          resolve(fail('UNAVAILABLE', REFUSED));
          return;
        }
        const timer = setTimeout(() => {
          waiting = waiting.filter((w) => w.frame !== frame);
          resolve(fail('UNAVAILABLE', NOT_CONNECTED));
        }, connectTimeoutMs);
        waiting.push({ frame, pending, timer });
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const stored = listener as Listener;
      set.add(stored);
      return () => set.delete(stored);
    },
  };

  return {
    api,
    receive(raw: unknown): void {
      const parsed = ServerFrame.safeParse(raw);
      if (!parsed.success) return;
      const frame = parsed.data;
      if (frame.kind === 'result') {
        const pending = inflight.get(frame.id);
        if (!pending) return;
        inflight.delete(frame.id);
        pending.resolve(frame.result);
        return;
      }
      if (!isEventName(frame.name)) return;
      const payload = events[frame.name].safeParse(frame.payload);
      if (payload.success) emit(frame.name, payload.data);
    },
    connected(): void {
      isConnected = true;
      isRefused = false;
      emit('connection.state', { state: 'connected' });
      const queued = waiting;
      waiting = [];
      for (const { frame, pending, timer } of queued) {
        clearTimeout(timer);
        dispatch(frame, pending);
      }
    },
    disconnected(): void {
      isConnected = false;
      loseInflight();
      emit('connection.state', { state: 'reconnecting' });
    },
    refused(): void {
      isConnected = false;
      isRefused = true;
      loseInflight();
      const queued = waiting;
      waiting = [];
      for (const { pending, timer } of queued) {
        clearTimeout(timer);
        pending.resolve(fail('UNAVAILABLE', REFUSED));
      }
      emit('connection.state', { state: 'refused' });
    },
  };
}
