import WebSocket from 'ws';

export type Opened = { ok: true; ws: WebSocket } | { ok: false; status: number };

/** Opens a real WebSocket; resolves with the socket, or the HTTP status the upgrade was refused with. */
export function openSocket(url: string, origin?: string): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.once('open', () => resolve({ ok: true, ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ ok: false, status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}

/** Waits for the next message whose parsed JSON matches `predicate`. */
export function nextMessage<T = unknown>(ws: WebSocket, predicate: (msg: Record<string, unknown>) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as Record<string, unknown>;
      if (!predicate(msg)) return;
      ws.off('message', onMessage);
      resolve(msg as T);
    };
    ws.on('message', onMessage);
  });
}

export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

export async function callOver(ws: WebSocket, id: number, method: string, input: unknown): Promise<Record<string, unknown>> {
  const answer = nextMessage<Record<string, unknown>>(ws, (m) => m.kind === 'result' && m.id === id);
  ws.send(JSON.stringify({ kind: 'call', id, method, input }));
  return answer;
}
