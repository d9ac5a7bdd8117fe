import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRpcClient } from '../../shared/client';
import type { ControlMessage, StatusMessage } from '../../shared/backend-process';
import { createBackend } from '../../main/backend/index';
import type { Backend } from '../../main/backend/index';
import { connectInProcess } from '../../main/backend/transport/in-process';
import { receiveStart, serveParentPort } from '../../main/backend/transport/message-port';
import type { ParentPortLike } from '../../main/backend/transport/message-port';
import { migrations } from '../../main/backend/db/migrations/registry';
import { latestVersion } from '../../main/backend/db/migrate';
import { memoryLogger } from '../helpers/memory-logger';
import { useTempDirs } from '../helpers/temp-dir';
import { STANDALONE } from '../helpers/sync-status';

const tempDir = useTempDirs();
const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

function startBackend(dataDir = join(tempDir(), 'nested', 'data')): { backend: Backend; dataDir: string } {
  const backend = createBackend({ dataDir, appVersion: '1.2.3', logger: memoryLogger() });
  open.push(backend);
  return { backend, dataDir };
}

describe('in-process transport', () => {
  it('creates the data folder on first start and answers app.info and app.health', async () => {
    const { backend, dataDir } = startBackend();
    expect(existsSync(join(dataDir, 'vikno.db'))).toBe(true);
    const api = connectInProcess(backend);
    expect(await api.call('app.info', {})).toEqual({
      ok: true,
      value: {
        product: 'Vikno',
        version: '1.2.3',
        schemaVersion: latestVersion(migrations),
        dataDir,
        center: { code: 'DEMO', name: 'Демонстраційний ЦНАП' },
        desk: { code: '01', window: '1' },
        configSource: 'default',
        timeZone: 'Europe/Kyiv',
        names: { apostrophe: 'ʼ' },
      },
    });
    expect(await api.call('app.health', {})).toMatchObject({ ok: true, value: { status: 'ok', database: 'ok' } });
  });

  it('validates calls exactly as the other transports do', async () => {
    const { backend } = startBackend();
    const api = connectInProcess(backend);
    // A crafted call that bypasses the types, as a compromised renderer could send.
    const crafted = api.call as (method: string, input: unknown) => Promise<unknown>;
    expect(await crafted('app.info', { dataDir: '/etc' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await crafted('db.exec', { sql: 'DROP TABLE desk_meta' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('tells a new connection the sync status and broadcasts events', async () => {
    const { backend } = startBackend();
    const seen: unknown[] = [];
    const client = createRpcClient({ send: () => undefined });
    client.api.on('sync.status', (s) => seen.push(s));
    const connection = backend.connect((frame) => client.receive(structuredClone(frame)));
    backend.emit('sync.status', STANDALONE);
    connection.close();
    backend.emit('sync.status', STANDALONE);
    expect(seen).toEqual([STANDALONE, STANDALONE]);
  });

  it('answers calls made during shutdown with UNAVAILABLE and closes the database', async () => {
    const { backend, dataDir } = startBackend();
    const api = connectInProcess(backend);
    await api.call('app.health', {});
    const closing = backend.close();
    expect(await api.call('app.health', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    await closing;
    open.splice(0);
    expect(existsSync(join(dataDir, 'vikno.db-wal'))).toBe(false);
  });

  it('refuses to start on a data folder it cannot create, with STORAGE', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    expect(() => createBackend({ dataDir: join(file, 'data'), appVersion: '1', logger: memoryLogger() })).toThrow(
      expect.objectContaining({ code: 'STORAGE', message: expect.stringContaining('Cannot create the data folder') }),
    );
  });
});

/**
 * Electron's ParentPort and MessagePortMain cannot run here, so this is a mock of them: thin
 * adapters over Node's real MessageChannel giving the `{ data, ports }` event shape Electron uses.
 */
function electronPortMock(port: MessagePort) {
  return {
    on(event: 'message' | 'close', listener: (event: { data: unknown }) => void) {
      if (event === 'message') port.on('message', (data: unknown) => listener({ data }));
      else port.on('close', () => (listener as () => void)());
    },
    postMessage: (message: unknown) => port.postMessage(message),
    start: () => port.start(),
  };
}

describe('MessagePort transport (utilityProcess side)', () => {
  it('serves each handed-over port as a connection and shuts down on request', async () => {
    const { backend } = startBackend();
    const toMain: StatusMessage[] = [];
    let onControl: ((event: { data: unknown; ports: ReturnType<typeof electronPortMock>[] }) => void) | undefined;
    const parentPort: ParentPortLike = {
      on: (_event, listener) => (onControl = listener),
      postMessage: (message) => toMain.push(message as StatusMessage),
    };
    let exitCode: number | undefined;
    const exited = new Promise<void>((resolve) => {
      serveParentPort(parentPort, backend, (code) => {
        exitCode = code;
        resolve();
      });
    });
    expect(toMain).toEqual([{ type: 'ready' }]);

    const { port1, port2 } = new MessageChannel();
    onControl?.({ data: { type: 'connect' } satisfies ControlMessage, ports: [electronPortMock(port1)] });
    const client = createRpcClient({ send: (frame) => port2.postMessage(frame) });
    port2.on('message', (frame: unknown) => client.receive(frame));
    client.connected();
    expect(await client.api.call('app.info', {})).toMatchObject({ ok: true, value: { version: '1.2.3' } });
    port2.postMessage({ kind: 'nonsense' });
    expect(await client.api.call('app.health', {})).toMatchObject({ ok: true });

    onControl?.({ data: { type: 'shutdown' } satisfies ControlMessage, ports: [] });
    await exited;
    open.splice(0);
    expect(exitCode).toBe(0);
    port1.close();
  });
});

describe('the start message (utilityProcess side)', () => {
  it('gives the device key of the first start message, ignoring anything else and any later start', async () => {
    const listeners: Array<(event: { data: unknown; ports: never[] }) => void> = [];
    const parentPort: ParentPortLike = { on: (_event, listener) => listeners.push(listener), postMessage: () => undefined };
    const send = (data: unknown) => listeners.forEach((listener) => listener({ data, ports: [] }));
    const key = receiveStart(parentPort);
    send({ type: 'connect' });
    send(null);
    send({ type: 'start', deviceKey: 'first' } satisfies ControlMessage);
    send({ type: 'start', deviceKey: 'second' } satisfies ControlMessage);
    expect(await key).toBe('first');
    const none = receiveStart(parentPort);
    send({ type: 'start', deviceKey: null } satisfies ControlMessage);
    expect(await none).toBeNull();
  });
});
