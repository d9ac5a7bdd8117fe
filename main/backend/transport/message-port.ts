/**
 * The Electron transport (docs/ARCHITECTURE.md §2.1), run inside the backend's `utilityProcess`.
 * Main hands over one MessagePort per window; each port is one backend connection. The
 * backend never imports 'electron', so the few Electron objects it touches are described
 * here structurally (they match Electron's ParentPort and MessagePortMain).
 */
import type { ControlMessage, StatusMessage } from '../../../shared/backend-process';
import { CallFrame } from '../../../shared/rpc';
import type { Backend } from '../index';

interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
}

export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
  postMessage(message: unknown): void;
}

/**
 * The device key from main's `start` message, the first a backend process receives (main sends it
 * right after forking, and ports only once this process said `ready`).
 */
export function receiveStart(parentPort: ParentPortLike): Promise<unknown> {
  return new Promise((resolve) => {
    let started = false;
    parentPort.on('message', ({ data }) => {
      const message = data as Partial<Extract<ControlMessage, { type: 'start' }>> | null;
      if (started || message?.type !== 'start') return;
      started = true;
      resolve(message.deviceKey ?? null);
    });
  });
}

export function serveParentPort(parentPort: ParentPortLike, backend: Backend, exit: (code: number) => void): void {
  parentPort.on('message', ({ data, ports }) => {
    const message = data as ControlMessage;
    if (message.type === 'connect' && ports[0]) {
      const port = ports[0];
      const connection = backend.connect((frame) => port.postMessage(frame));
      port.on('message', ({ data: raw }) => {
        const frame = CallFrame.safeParse(raw);
        // A port comes from our own preload; a malformed frame is a bug, not an attack surface to keep open.
        if (frame.success) connection.receive(frame.data);
      });
      port.on('close', () => connection.close());
      port.start();
    } else if (message.type === 'shutdown') {
      void backend.close().then(() => exit(0));
    }
  });
  parentPort.postMessage({ type: 'ready' } satisfies StatusMessage);
}
