import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../shared/contract';
import { CallFrame } from '../../../shared/rpc';
import { createPreloadBridge } from '../../../main/preload/api';
import { STANDALONE } from '../../helpers/sync-status';

/**
 * A test double of the backend's end of the port: answers every call frame with the method's
 * name, or holds the answer back when `hold` is set (to test in-flight calls).
 */
function fakeBackend(port: MessagePort, options: { hold?: boolean } = {}) {
  const received: CallFrame[] = [];
  port.onmessage = (event: MessageEvent) => {
    const frame = CallFrame.parse(event.data);
    received.push(frame);
    if (!options.hold) port.postMessage({ kind: 'result', id: frame.id, result: { ok: true, value: { answered: frame.method } } });
  };
  return { received, emit: (name: string, payload: unknown) => port.postMessage({ kind: 'event', name, payload }) };
}

const open: MessagePort[] = [];
function channel(): MessageChannel {
  const pair = new MessageChannel();
  open.push(pair.port1, pair.port2);
  return pair;
}
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

function setup() {
  let portRequests = 0;
  const bridge = createPreloadBridge({ requestPort: () => portRequests++, connectTimeoutMs: 1_000 });
  const states: ConnectionState['state'][] = [];
  bridge.api.on('connection.state', ({ state }) => states.push(state));
  return { bridge, states, portRequests: () => portRequests };
}

const nextTick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the preload bridge (window.vikno)', () => {
  it('exposes exactly call and on, frozen', () => {
    const { bridge } = setup();
    expect(Object.keys(bridge.api).sort()).toEqual(['call', 'on']);
    expect(Object.isFrozen(bridge.api)).toBe(true);
    expect(typeof bridge.api.call).toBe('function');
    expect(typeof bridge.api.on).toBe('function');
    expect(Reflect.set(bridge.api, 'call', () => null)).toBe(false);
  });

  it('asks main for a port when started', () => {
    const { bridge, portRequests } = setup();
    expect(portRequests()).toBe(0);
    bridge.start();
    expect(portRequests()).toBe(1);
  });

  it('round-trips a call and delivers backend events over a real MessagePort', async () => {
    const { bridge, states } = setup();
    const { port1, port2 } = channel();
    const backend = fakeBackend(port2);
    bridge.portReceived(port1);
    expect(states).toEqual(['connected']);

    await expect(bridge.api.call('app.info', {})).resolves.toEqual({ ok: true, value: { answered: 'app.info' } });
    expect(backend.received).toEqual([{ kind: 'call', id: 1, method: 'app.info', input: {} }]);

    const sync = new Promise((resolve) => bridge.api.on('sync.status', resolve));
    backend.emit('sync.status', STANDALONE);
    await expect(sync).resolves.toEqual(STANDALONE);
  });

  it('rejects an unknown method locally with VALIDATION and sends nothing', async () => {
    const { bridge } = setup();
    const { port1, port2 } = channel();
    const backend = fakeBackend(port2);
    bridge.portReceived(port1);
    const call = bridge.api.call as (method: unknown, input: unknown) => Promise<unknown>;
    for (const method of ['app.shutdown', '__proto__', 'constructor', 'toString', 42, undefined]) {
      await expect(call(method, {})).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    await nextTick();
    expect(backend.received).toEqual([]);
  });

  it('throws for unknown events and non-function listeners', () => {
    const { bridge } = setup();
    const on = bridge.api.on as (event: unknown, listener: unknown) => unknown;
    expect(() => on('ipc.anything', () => undefined)).toThrow(TypeError);
    expect(() => on('__proto__', () => undefined)).toThrow(TypeError);
    expect(() => on('sync.status', 'not a function')).toThrow(TypeError);
  });

  it('answers in-flight calls UNAVAILABLE when the backend restarts, and reconnects on a new port', async () => {
    const { bridge, states, portRequests } = setup();
    const first = channel();
    fakeBackend(first.port2, { hold: true });
    bridge.start();
    bridge.portReceived(first.port1);
    const inflight = bridge.api.call('app.health', {});
    await nextTick();

    bridge.backendState({ state: 'restarting', delayMs: 500 });
    await expect(inflight).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(states).toEqual(['connected', 'reconnecting']);

    bridge.backendState({ state: 'starting' });
    expect(portRequests()).toBe(1);
    bridge.backendState({ state: 'ready' });
    expect(portRequests()).toBe(2);

    const second = channel();
    const backend = fakeBackend(second.port2);
    const queued = bridge.api.call('app.info', {});
    bridge.portReceived(second.port1);
    await expect(queued).resolves.toEqual({ ok: true, value: { answered: 'app.info' } });
    expect(backend.received.map((f) => f.method)).toEqual(['app.info']);
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);
  });

  it('does not ask for another port on the first ready (main delivers the queued one)', () => {
    const { bridge, portRequests } = setup();
    bridge.start();
    bridge.backendState({ state: 'starting' });
    bridge.backendState({ state: 'ready' });
    expect(portRequests()).toBe(1);
  });

  it('passes a menu command from main to the page as menu.command, and drops anything else', () => {
    const { bridge } = setup();
    const heard: unknown[] = [];
    bridge.api.on('menu.command', (payload) => heard.push(payload));
    for (const junk of [null, 'reload', 42, { command: 'exportDiagnostics' }]) bridge.menuCommand(junk);
    bridge.menuCommand('exportDiagnostics');
    expect(heard).toEqual([{ command: 'exportDiagnostics' }]);
  });

  it('ignores malformed backend states', () => {
    const { bridge, states } = setup();
    const { port1 } = channel();
    bridge.portReceived(port1);
    for (const junk of [null, 'restarting', 42, {}, { state: 7 }]) bridge.backendState(junk);
    expect(states).toEqual(['connected']);
  });

  it('stops listening to the old port once replaced', async () => {
    const { bridge } = setup();
    const first = channel();
    const second = channel();
    bridge.portReceived(first.port1);
    const syncs: unknown[] = [];
    bridge.api.on('sync.status', (payload) => syncs.push(payload));
    bridge.portReceived(second.port1);
    first.port2.postMessage({ kind: 'event', name: 'sync.status', payload: STANDALONE });
    await nextTick();
    expect(syncs).toEqual([]);
  });
});
