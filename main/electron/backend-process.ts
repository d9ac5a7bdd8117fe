/**
 * Starts the backend's utilityProcess and keeps it alive (docs/ARCHITECTURE.md §2.2). Electron is injected
 * as `fork` so restart, backoff and shutdown are unit-tested without the Electron binary.
 *
 * - An unexpected exit restarts the backend after an exponential backoff (capped); the backoff
 *   resets once a backend has stayed up for `stableMs`.
 * - A backend that reports `fatal` (or exits with code 3) cannot start at all — a corrupt
 *   database, a bad config — so it is never restarted: restarting would only loop.
 * - `stop()` asks for an orderly shutdown (the backend closes SQLite), kills it if it does not
 *   exit in time, and never restarts.
 */
import { EXIT_FATAL } from '../../shared/backend-process';
import type { ControlMessage, StatusMessage } from '../../shared/backend-process';

/** What the supervisor uses of Electron's UtilityProcess. */
export interface ChildLike<Port> {
  postMessage(message: ControlMessage, transfer?: Port[]): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export type BackendState =
  | { state: 'starting' }
  | { state: 'ready' }
  | { state: 'restarting'; delayMs: number }
  | { state: 'fatal'; message: string }
  | { state: 'stopped' };

/** See `connect`. */
export type ConnectResult = 'sent' | 'queued' | 'refused';

export interface SupervisorOptions<Port> {
  fork(): ChildLike<Port>;
  /** The device key each new backend gets in its `start` message (base64), or null: it keeps its own key file. */
  deviceKey(): string | null;
  onState(state: BackendState): void;
  backoff?: { initialMs: number; maxMs: number };
  /** Uptime after which a crash counts as a new incident rather than part of a crash loop. */
  stableMs?: number;
  /** How long `stop()` waits for an orderly exit before killing the process. */
  killAfterMs?: number;
}

export interface BackendSupervisor<Port> {
  start(): void;
  /**
   * Hands one window's port to the backend. Sent at once when the backend is ready; queued
   * while it is starting or restarting (a window usually loads before the backend is up) and
   * sent to the next backend that reports ready; refused once fatal or stopped, so the caller
   * can close the port.
   */
  connect(port: Port): ConnectResult;
  stop(): Promise<void>;
}

const DEFAULT_BACKOFF = { initialMs: 500, maxMs: 30_000 };

function isStatusMessage(message: unknown): message is StatusMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type } = message as { type?: unknown };
  return type === 'ready' || (type === 'fatal' && typeof (message as { message?: unknown }).message === 'string');
}

export function createBackendSupervisor<Port>(options: SupervisorOptions<Port>): BackendSupervisor<Port> {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const stableMs = options.stableMs ?? 30_000;
  const killAfterMs = options.killAfterMs ?? 5_000;

  let state: BackendState = { state: 'stopped' };
  let child: ChildLike<Port> | null = null;
  let queued: Port[] = [];
  let failures = 0;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let stableTimer: ReturnType<typeof setTimeout> | undefined;
  let stopping: Promise<void> | null = null;
  let childExited: (() => void) | null = null;

  function setState(next: BackendState): void {
    state = next;
    options.onState(next);
  }

  function post(target: ChildLike<Port>, port: Port): void {
    target.postMessage({ type: 'connect' }, [port]);
  }

  function onMessage(self: ChildLike<Port>, message: unknown): void {
    if (self !== child || stopping || !isStatusMessage(message)) return;
    if (message.type === 'fatal') {
      setState({ state: 'fatal', message: message.message });
      return;
    }
    if (state.state !== 'starting') return;
    setState({ state: 'ready' });
    stableTimer = setTimeout(() => {
      failures = 0;
    }, stableMs);
    const ports = queued;
    queued = [];
    for (const port of ports) post(self, port);
  }

  function onExit(self: ChildLike<Port>, code: number): void {
    if (self !== child) return;
    child = null;
    clearTimeout(stableTimer);
    if (stopping) {
      childExited?.();
      return;
    }
    if (state.state === 'fatal') return;
    if (code === EXIT_FATAL) {
      setState({ state: 'fatal', message: `The backend could not start (exit code ${EXIT_FATAL}).` });
      return;
    }
    const delayMs = Math.min(backoff.initialMs * 2 ** failures, backoff.maxMs);
    failures += 1;
    setState({ state: 'restarting', delayMs });
    restartTimer = setTimeout(spawn, delayMs);
  }

  function spawn(): void {
    restartTimer = undefined;
    setState({ state: 'starting' });
    let next: ChildLike<Port>;
    try {
      next = options.fork();
    } catch (error) {
      setState({ state: 'fatal', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    child = next;
    next.postMessage({ type: 'start', deviceKey: options.deviceKey() });
    next.on('message', (message) => onMessage(next, message));
    next.on('exit', (code) => onExit(next, code));
  }

  return {
    start(): void {
      if (child || restartTimer || stopping || state.state === 'fatal') return;
      spawn();
    },

    connect(port: Port): ConnectResult {
      if (stopping || state.state === 'fatal' || state.state === 'stopped') return 'refused';
      if (state.state === 'ready' && child) {
        post(child, port);
        return 'sent';
      }
      queued.push(port);
      return 'queued';
    },

    stop(): Promise<void> {
      if (stopping) return stopping;
      clearTimeout(restartTimer);
      clearTimeout(stableTimer);
      restartTimer = undefined;
      queued = [];
      const running = child;
      stopping = new Promise<void>((resolve) => {
        if (!running) {
          resolve();
          return;
        }
        // A killed process is gone even if its 'exit' never reaches us, so quitting goes on.
        const killTimer = setTimeout(() => {
          running.kill();
          resolve();
        }, killAfterMs);
        childExited = () => {
          clearTimeout(killTimer);
          resolve();
        };
        running.postMessage({ type: 'shutdown' });
      }).then(() => setState({ state: 'stopped' }));
      return stopping;
    },
  };
}
