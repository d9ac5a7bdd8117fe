import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ControlMessage } from '../../../shared/backend-process';
import { createBackendSupervisor } from '../../../main/electron/backend-process';
import type { BackendState, ChildLike } from '../../../main/electron/backend-process';

/** A mock of Electron's UtilityProcess: records what main posts and lets the test play the backend. */
class MockUtilityProcess implements ChildLike<string> {
  readonly posted: Array<{ message: ControlMessage; transfer: string[] | undefined }> = [];
  /** The device keys its `start` messages carried (kept apart: every other test looks at what follows). */
  readonly started: Array<string | null> = [];
  killed = false;
  private readonly listeners = { message: [] as Array<(m: unknown) => void>, exit: [] as Array<(code: number) => void> };

  postMessage(message: ControlMessage, transfer?: string[]): void {
    if (message.type === 'start') {
      if (this.posted.length > 0) throw new Error('start must be the first message');
      this.started.push(message.deviceKey);
    } else this.posted.push({ message, transfer });
  }
  on(event: 'message', listener: (message: unknown) => void): this;
  on(event: 'exit', listener: (code: number) => void): this;
  on(event: 'message' | 'exit', listener: ((message: unknown) => void) | ((code: number) => void)): this {
    (this.listeners[event] as unknown[]).push(listener);
    return this;
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  /** The backend speaks to main. */
  send(message: unknown): void {
    for (const listener of this.listeners.message) listener(message);
  }
  exit(code: number): void {
    for (const listener of this.listeners.exit) listener(code);
  }
}

const DEVICE_KEY = Buffer.alloc(32, 5).toString('base64');

function setup(options: { stableMs?: number; killAfterMs?: number } = {}) {
  const children: MockUtilityProcess[] = [];
  const states: BackendState[] = [];
  const supervisor = createBackendSupervisor<string>({
    fork: () => {
      const child = new MockUtilityProcess();
      children.push(child);
      return child;
    },
    deviceKey: () => DEVICE_KEY,
    onState: (state) => states.push(state),
    backoff: { initialMs: 100, maxMs: 1_000 },
    stableMs: options.stableMs ?? 10_000,
    killAfterMs: options.killAfterMs ?? 2_000,
  });
  const latest = (): MockUtilityProcess => {
    const child = children.at(-1);
    if (!child) throw new Error('nothing was forked');
    return child;
  };
  return { supervisor, children, states, latest, names: () => states.map((s) => s.state) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('backend supervisor', () => {
  it('starts the backend and reports ready', () => {
    const { supervisor, children, latest, names } = setup();
    supervisor.start();
    expect(children).toHaveLength(1);
    latest().send({ type: 'ready' });
    expect(names()).toEqual(['starting', 'ready']);
  });

  it('gives every backend it forks the device key as its first message, over the channel', () => {
    const { supervisor, latest } = setup();
    supervisor.start();
    expect(latest().started).toEqual([DEVICE_KEY]);
    latest().exit(1);
    vi.advanceTimersByTime(100);
    expect(latest().started).toEqual([DEVICE_KEY]);
  });

  it('ignores messages that are not status messages', () => {
    const { supervisor, latest, names } = setup();
    supervisor.start();
    latest().send({ type: 'bogus' });
    latest().send(null);
    latest().send({ type: 'fatal' });
    expect(names()).toEqual(['starting']);
  });

  it('queues a port until the backend is ready, then sends it; sends at once afterwards', () => {
    const { supervisor, latest } = setup();
    supervisor.start();
    expect(supervisor.connect('port-a')).toBe('queued');
    expect(latest().posted).toEqual([]);
    latest().send({ type: 'ready' });
    expect(supervisor.connect('port-b')).toBe('sent');
    expect(latest().posted).toEqual([
      { message: { type: 'connect' }, transfer: ['port-a'] },
      { message: { type: 'connect' }, transfer: ['port-b'] },
    ]);
  });

  it('restarts after a crash with exponential backoff up to the cap', () => {
    const { supervisor, children, states, latest } = setup();
    supervisor.start();
    const delays: number[] = [];
    for (let crash = 0; crash < 6; crash++) {
      latest().exit(1);
      const state = states.at(-1);
      if (state?.state !== 'restarting') throw new Error(`expected restarting, got ${state?.state}`);
      delays.push(state.delayMs);
      vi.advanceTimersByTime(state.delayMs - 1);
      expect(children).toHaveLength(crash + 1);
      vi.advanceTimersByTime(1);
      expect(children).toHaveLength(crash + 2);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('resets the backoff once a backend has stayed up long enough', () => {
    const { supervisor, states, latest } = setup({ stableMs: 5_000 });
    supervisor.start();
    latest().exit(1);
    vi.advanceTimersByTime(100);
    latest().exit(1);
    vi.advanceTimersByTime(200);
    latest().send({ type: 'ready' });
    vi.advanceTimersByTime(4_999);
    latest().exit(1);
    expect(states.at(-1)).toEqual({ state: 'restarting', delayMs: 400 });
    vi.advanceTimersByTime(400);
    latest().send({ type: 'ready' });
    vi.advanceTimersByTime(5_000);
    latest().exit(1);
    expect(states.at(-1)).toEqual({ state: 'restarting', delayMs: 100 });
  });

  it('sends ports queued during a restart to the new backend, not the dead one', () => {
    const { supervisor, children, latest } = setup();
    supervisor.start();
    latest().send({ type: 'ready' });
    latest().exit(1);
    expect(supervisor.connect('port-a')).toBe('queued');
    vi.advanceTimersByTime(100);
    latest().send({ type: 'ready' });
    expect(children[0]?.posted).toEqual([]);
    expect(children[1]?.posted).toEqual([{ message: { type: 'connect' }, transfer: ['port-a'] }]);
  });

  it('never restarts a backend that reported fatal, and reports its reason', () => {
    const { supervisor, children, states, latest } = setup();
    supervisor.start();
    latest().send({ type: 'fatal', message: 'the database file is corrupt' });
    latest().exit(3);
    vi.advanceTimersByTime(60_000);
    expect(children).toHaveLength(1);
    expect(states).toEqual([{ state: 'starting' }, { state: 'fatal', message: 'the database file is corrupt' }]);
    expect(supervisor.connect('port-a')).toBe('refused');
  });

  it('treats exit code 3 without a message as fatal too', () => {
    const { supervisor, children, states, latest } = setup();
    supervisor.start();
    latest().exit(3);
    vi.advanceTimersByTime(60_000);
    expect(children).toHaveLength(1);
    expect(states.at(-1)?.state).toBe('fatal');
  });

  it('reports fatal when the process cannot even be forked', () => {
    const states: BackendState[] = [];
    const supervisor = createBackendSupervisor<string>({
      fork: () => {
        throw new Error('backend.cjs is missing');
      },
      deviceKey: () => null,
      onState: (state) => states.push(state),
    });
    supervisor.start();
    expect(states).toEqual([{ state: 'starting' }, { state: 'fatal', message: 'backend.cjs is missing' }]);
  });

  it('stops with a shutdown message, waits for the exit and does not restart', async () => {
    const { supervisor, children, latest, names } = setup();
    supervisor.start();
    latest().send({ type: 'ready' });
    let stopped = false;
    const stopping = supervisor.stop().then(() => {
      stopped = true;
    });
    expect(latest().posted).toEqual([{ message: { type: 'shutdown' }, transfer: undefined }]);
    await vi.advanceTimersByTimeAsync(100);
    expect(stopped).toBe(false);
    latest().exit(0);
    await stopping;
    vi.advanceTimersByTime(60_000);
    expect(children).toHaveLength(1);
    expect(latest().killed).toBe(false);
    expect(names()).toEqual(['starting', 'ready', 'stopped']);
    expect(supervisor.connect('port-a')).toBe('refused');
  });

  it('kills a backend that does not exit in time', async () => {
    const { supervisor, latest, names } = setup({ killAfterMs: 2_000 });
    supervisor.start();
    latest().send({ type: 'ready' });
    const stopping = supervisor.stop();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(latest().killed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await stopping;
    expect(latest().killed).toBe(true);
    expect(names().at(-1)).toBe('stopped');
  });

  it('stopping during a restart cancels it', async () => {
    const { supervisor, children, latest, names } = setup();
    supervisor.start();
    latest().exit(1);
    await supervisor.stop();
    vi.advanceTimersByTime(60_000);
    expect(children).toHaveLength(1);
    expect(names()).toEqual(['starting', 'restarting', 'stopped']);
  });

  it('returns the same promise when stop is called twice', () => {
    const { supervisor } = setup();
    supervisor.start();
    expect(supervisor.stop()).toBe(supervisor.stop());
  });
});
