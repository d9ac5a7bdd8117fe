/**
 * The logic of the preload, free of Electron so it is unit-tested: `window.vikno` over a
 * MessagePort to the backend (docs/ARCHITECTURE.md §2.1, §4). index.ts only wires it to ipcRenderer.
 *
 * The renderer gets exactly `{ call, on }`. Method and event names are checked against the
 * contract here too, so a compromised renderer cannot even put an unknown name on the wire.
 */
import { createRpcClient } from '../../shared/client';
import { isEventName, isMethodName, MenuCommand } from '../../shared/contract';
import type { MethodInput, ViknoApi } from '../../shared/contract';
import { fail } from '../../shared/errors';
import type { Envelope } from '../../shared/errors';

/**
 * What the preload uses of the DOM MessagePort that main hands over. Method syntax on purpose:
 * it lets the DOM's `(ev: MessageEvent) => …` listener type match this narrower description.
 */
export interface PortLike {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
  postMessage(message: unknown): void;
  close(): void;
}

export interface PreloadBridgeOptions {
  /** Asks main for a (new) port to the backend; it arrives through `portReceived`. */
  requestPort(): void;
  connectTimeoutMs?: number;
}

export interface PreloadBridge {
  /** The object exposed as `window.vikno`. */
  api: ViknoApi;
  /** Asks for the first port; call once, when the preload runs. */
  start(): void;
  portReceived(port: PortLike): void;
  /** A BackendState from main (untrusted shape: it crossed IPC). */
  backendState(state: unknown): void;
  /** A menu command from main (untrusted: it crossed IPC): the page hears it as the `menu.command` event. */
  menuCommand(command: unknown): void;
}

/** Backend states meaning the process behind the port is gone. */
const GONE: ReadonlySet<string> = new Set(['restarting', 'fatal', 'stopped']);

function stateName(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const { state: name } = state as { state?: unknown };
  return typeof name === 'string' ? name : null;
}

export function createPreloadBridge(options: PreloadBridgeOptions): PreloadBridge {
  let port: PortLike | null = null;
  // Set when the backend went away under us: its next 'ready' means a new process needing a new port.
  let needsPort = false;

  const client = createRpcClient({
    send(frame) {
      if (!port) throw new Error('no port to the backend');
      port.postMessage(frame);
    },
    ...(options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs }),
  });

  function dropPort(): void {
    if (!port) return;
    // A closed port delivers nothing more, so its listener needs no removal.
    port.close();
    port = null;
  }

  function call(method: unknown, input: unknown): Promise<Envelope<unknown>> {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return Promise.resolve(fail('VALIDATION', 'Unknown method.'));
    }
    return client.api.call(method, input as MethodInput<typeof method>);
  }

  function on(event: unknown, listener: unknown): () => void {
    if (typeof event !== 'string' || !isEventName(event)) throw new TypeError('Unknown event.');
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    return client.api.on(event, (payload) => (listener as (payload: unknown) => void)(payload));
  }

  // Typed loosely inside because renderer input is untrusted; the renderer sees the contract's types.
  const api = Object.freeze({ call, on }) as unknown as ViknoApi;

  return {
    api,
    start(): void {
      options.requestPort();
    },
    portReceived(next: PortLike): void {
      dropPort();
      port = next;
      next.addEventListener('message', (event) => client.receive(event.data));
      next.start();
      client.connected();
    },
    menuCommand(command: unknown): void {
      const payload = MenuCommand.safeParse({ command });
      if (payload.success) client.receive({ kind: 'event', name: 'menu.command', payload: payload.data });
    },
    backendState(state: unknown): void {
      const name = stateName(state);
      if (name === 'ready') {
        if (needsPort) {
          needsPort = false;
          options.requestPort();
        }
        return;
      }
      if (name !== null && GONE.has(name) && port) {
        dropPort();
        needsPort = true;
        client.disconnected();
      }
    },
  };
}
