import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createRpcClient } from '../../shared/client';
import type { ViknoApi } from '../../shared/contract';
import { createBackend } from '../../main/backend/index';
import { connectInProcess } from '../../main/backend/transport/in-process';
import { startBrowserHost } from '../../main/backend/transport/browser-host-server';
import type { Logger } from '../../main/backend/log/logger';
import { quantile } from './report';
import type { Figure } from './report';

const quietLogger: Logger = { log: () => undefined, setLevel: () => undefined, close: () => Promise.resolve() };

async function roundTrips(api: ViknoApi, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    const result = await api.call('app.health', {});
    samples.push(performance.now() - start);
    if (!result.ok) throw new Error(`app.health failed: ${result.error.message}`);
  }
  return samples;
}

function wsApi(url: string, origin: string): Promise<{ api: ViknoApi; close(): void }> {
  const ws = new WebSocket(url, { origin });
  const client = createRpcClient({ send: (frame) => ws.send(JSON.stringify(frame)) });
  ws.on('message', (data) => client.receive(JSON.parse(data.toString())));
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      client.connected();
      resolve({ api: client.api, close: () => ws.close() });
    });
    ws.once('error', reject);
  });
}

/** Contract round trips (app.health: validation, a SQLite read, the envelope) per transport, and cold start. */
export async function rpcFigures(quick: boolean): Promise<Figure[]> {
  const calls = quick ? 200 : 5000;
  const root = mkdtempSync(join(tmpdir(), 'vikno-bench-'));
  try {
    const startAt = performance.now();
    const backend = createBackend({ dataDir: join(root, 'in-process'), appVersion: 'bench', logger: quietLogger });
    const coldStart = performance.now() - startAt;
    const inProcess = await roundTrips(connectInProcess(backend), calls);
    await backend.close();

    const rendererDir = join(root, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    const host = await startBrowserHost({ dataDir: join(root, 'host'), port: 0, rendererDir, appVersion: 'bench', logger: quietLogger });
    const socket = await wsApi(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`, `http://127.0.0.1:${host.port}`);
    const overWs = await roundTrips(socket.api, calls);
    socket.close();
    await host.close();

    return [
      { name: 'backend cold start (new data folder)', value: coldStart, unit: 'ms' },
      { name: 'contract call in-process p50', value: quantile(inProcess, 0.5), unit: 'ms' },
      { name: 'contract call in-process p99', value: quantile(inProcess, 0.99), unit: 'ms' },
      { name: 'contract call over WebSocket p50', value: quantile(overWs, 0.5), unit: 'ms' },
      { name: 'contract call over WebSocket p99', value: quantile(overWs, 0.99), unit: 'ms' },
      { name: 'WebSocket / in-process p50 ratio', value: quantile(overWs, 0.5) / quantile(inProcess, 0.5), unit: '×' },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
