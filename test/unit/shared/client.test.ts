import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRpcClient } from '../../../shared/client';
import type { CallFrame } from '../../../shared/rpc';
import { STANDALONE } from '../../helpers/sync-status';

function setup(connectTimeoutMs = 1000) {
  const sent: CallFrame[] = [];
  const client = createRpcClient({ send: (frame) => sent.push(frame), connectTimeoutMs });
  const states: string[] = [];
  client.api.on('connection.state', ({ state }) => states.push(state));
  return { client, sent, states };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the renderer-side RPC client', () => {
  it('sends a call frame and settles it with the matching result', async () => {
    const { client, sent } = setup();
    client.connected();
    const answer = client.api.call('app.health', {});
    expect(sent).toEqual([{ kind: 'call', id: 1, method: 'app.health', input: {} }]);
    client.receive({ kind: 'result', id: 1, result: { ok: true, value: { status: 'ok', database: 'ok', uptimeSeconds: 1 } } });
    await expect(answer).resolves.toEqual({ ok: true, value: { status: 'ok', database: 'ok', uptimeSeconds: 1 } });
  });

  it('holds calls made before the link is up and sends them on connect', async () => {
    const { client, sent } = setup();
    const answer = client.api.call('app.info', {});
    expect(sent).toHaveLength(0);
    client.connected();
    expect(sent).toHaveLength(1);
    client.receive({ kind: 'result', id: sent[0]!.id, result: { ok: false, error: { code: 'STORAGE', message: 'disk full' } } });
    await expect(answer).resolves.toEqual({ ok: false, error: { code: 'STORAGE', message: 'disk full' } });
  });

  it('answers UNAVAILABLE when no link comes in time', async () => {
    vi.useFakeTimers();
    const { client, sent } = setup(500);
    const answer = client.api.call('app.info', {});
    vi.advanceTimersByTime(501);
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    client.connected();
    expect(sent).toHaveLength(0);
  });

  it('answers in-flight calls UNAVAILABLE when the link drops, and says it is reconnecting', async () => {
    const { client, states } = setup();
    client.connected();
    const answer = client.api.call('app.info', {});
    client.disconnected();
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(states).toEqual(['connected', 'reconnecting']);
    client.receive({ kind: 'result', id: 1, result: { ok: true, value: {} } });
  });

  it('on a refused link answers waiting and new calls at once, says so, and works again on a new link', async () => {
    const { client, sent, states } = setup(60_000);
    const waiting = client.api.call('app.info', {});
    client.refused();
    // Refused, not timed out: the 60 s wait for a connection is not what answered.
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/refused/) } });
    await expect(client.api.call('app.health', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(states).toEqual(['refused']);
    expect(sent).toHaveLength(0);

    client.connected();
    const answer = client.api.call('app.health', {});
    expect(sent).toHaveLength(1);
    client.receive({ kind: 'result', id: sent[0]!.id, result: { ok: true, value: { status: 'ok', database: 'ok', uptimeSeconds: 1 } } });
    await expect(answer).resolves.toMatchObject({ ok: true });
    expect(states).toEqual(['refused', 'connected']);
  });

  it('answers UNAVAILABLE when the transport cannot send', async () => {
    const client = createRpcClient({
      send: () => {
        throw new Error('socket not open');
      },
    });
    client.connected();
    await expect(client.api.call('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('delivers valid events to their listeners and drops invalid frames and payloads', () => {
    const { client } = setup();
    const seen: unknown[] = [];
    const off = client.api.on('sync.status', (payload) => seen.push(payload));
    client.receive({ kind: 'event', name: 'sync.status', payload: STANDALONE });
    client.receive({ kind: 'event', name: 'sync.status', payload: { ...STANDALONE, state: 'exploded' } });
    client.receive({ kind: 'event', name: 'no.such.event', payload: {} });
    client.receive('garbage');
    client.receive({ kind: 'result', id: 'x' });
    off();
    client.receive({ kind: 'event', name: 'sync.status', payload: STANDALONE });
    expect(seen).toEqual([STANDALONE]);
  });
});
