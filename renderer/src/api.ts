/**
 * The renderer's only door to the backend. Under Electron the preload has put `window.vikno`
 * there; in the browser host we build the same API over the host's WebSocket, using the token
 * from the URL fragment. Screens import `api` and never know which one they got.
 */
import { createRpcClient } from '../../shared/client';
import type { ViknoApi } from '../../shared/contract';

declare global {
  interface Window {
    vikno?: ViknoApi;
  }
}

const WS_PATH = '/rpc';
const RECONNECT_MAX_MS = 5_000;

function connectWebSocket(): ViknoApi {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
  let socket: WebSocket | null = null;
  let attempt = 0;
  const client = createRpcClient({
    send(frame) {
      if (socket?.readyState !== WebSocket.OPEN) throw new Error('socket not open');
      socket.send(JSON.stringify(frame));
    },
  });

  function open(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      client.connected();
    };
    ws.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      try {
        client.receive(JSON.parse(event.data));
      } catch {
        // A frame that is not JSON is dropped; the backend never sends one.
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      client.disconnected();
      attempt += 1;
      setTimeout(open, Math.min(RECONNECT_MAX_MS, 250 * 2 ** attempt));
    };
  }

  open();
  return client.api;
}

export const api: ViknoApi = window.vikno ?? connectWebSocket();
