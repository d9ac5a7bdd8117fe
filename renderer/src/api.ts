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
/** See LINK_PATH in main/backend/transport/websocket.ts. */
const LINK_PATH = '/rpc/link';
const RECONNECT_MAX_MS = 5_000;

function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

/**
 * True only when the host answered that this token is not (or no longer) its launch token. A host
 * that is down or restarting answers nothing, and that is worth retrying.
 */
async function linkRefused(token: string): Promise<boolean> {
  if (token === '') return true;
  try {
    const response = await fetch(LINK_PATH, { method: 'POST', headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
    return response.status === 401;
  } catch {
    return false;
  }
}

function connectWebSocket(): ViknoApi {
  let token = tokenFromHash();
  let socket: WebSocket | null = null;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const client = createRpcClient({
    send(frame) {
      if (socket?.readyState !== WebSocket.OPEN) throw new Error('socket not open');
      socket.send(JSON.stringify(frame));
    },
  });

  function open(): void {
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
    const ws = new WebSocket(url);
    const triedToken = token;
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
      socket = null;
      void linkRefused(triedToken).then((isRefused) => {
        if (socket !== null) return;
        // A new link was pasted into the address bar meanwhile: try it at once.
        if (triedToken !== token) {
          attempt = 0;
          open();
          return;
        }
        if (isRefused) {
          // The token will never work again: stop retrying and say so, until a new link arrives.
          client.refused();
          return;
        }
        client.disconnected();
        attempt += 1;
        retry = setTimeout(open, Math.min(RECONNECT_MAX_MS, 250 * 2 ** attempt));
      });
    };
  }

  // Opening the current URL in this same tab changes only the fragment: no reload, so take the new token here.
  window.addEventListener('hashchange', () => {
    const next = tokenFromHash();
    if (next === token) return;
    token = next;
    if (socket === null) {
      clearTimeout(retry);
      attempt = 0;
      open();
    }
  });

  open();
  return client.api;
}

export const api: ViknoApi = window.vikno ?? connectWebSocket();
