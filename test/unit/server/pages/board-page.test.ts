// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://127.0.0.1/board/KV01"}
import { screen } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardCall, BoardState } from '../../../../shared/queue-protocol';

/**
 * jsdom has no EventSource: this one is driven by the test the way the browser drives the real
 * one (open, a named event, an error while it reconnects by itself).
 */
class DrivenEventSource {
  static last: DrivenEventSource | null = null;
  readonly listeners = new Map<string, Array<(event: Event) => void>>();
  constructor(readonly url: string) {
    DrivenEventSource.last = this;
  }
  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data?: unknown): void {
    const event = data === undefined ? new Event(type) : new MessageEvent(type, { data: JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const call = (seq: number, number: string, window: string): BoardCall => ({ seq, number, window, at: '2026-12-03T08:00:00.000Z' });
let state: BoardState;
let stateReads: number;
let played: number;

async function openBoard(): Promise<DrivenEventSource> {
  document.body.innerHTML = '<div id="app"></div>';
  vi.resetModules();
  await import('../../../../server/pages/src/board/main');
  const source = DrivenEventSource.last;
  if (!source) throw new Error('the board opened no event stream');
  return source;
}

const newest = () => screen.getByTestId('newest-call').textContent;

describe('the board page', () => {
  beforeEach(() => {
    state = { centerName: 'ЦНАП Київ', calls: [call(1, 'А001', '2')] };
    stateReads = 0;
    played = 0;
    vi.stubGlobal('EventSource', DrivenEventSource);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url !== '/api/board/KV01/state') return new Response('{}', { status: 404 });
        stateReads++;
        return new Response(JSON.stringify(state), { status: 200 });
      }),
    );
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(async () => void played++);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('reads the state once connected, then shows each call live, newest highlighted, with a chime', async () => {
    const source = await openBoard();
    expect(source.url).toBe('/api/board/KV01/events');
    source.emit('open');
    await vi.waitFor(() => expect(newest()).toContain('А001'));
    expect(played).toBe(0);

    source.emit('call', call(2, 'П001', '4'));
    expect(newest()).toContain('П001');
    expect(newest()).toContain('Вікно 4');
    expect(screen.getByRole('cell', { name: 'А001' })).toBeTruthy();
    await vi.waitFor(() => expect(played).toBe(1));

    // The same call again (the stream's retry): shown once, no second chime.
    source.emit('call', call(2, 'П001', '4'));
    expect(screen.queryAllByText('П001')).toHaveLength(1);
    expect(played).toBe(1);
  });

  it('says it is reconnecting while the stream is down, and after it is back shows what was called meanwhile', async () => {
    const source = await openBoard();
    source.emit('open');
    await vi.waitFor(() => expect(stateReads).toBe(1));
    source.emit('error');
    expect(screen.getByRole('status').textContent).toBe('Оновлення…');

    state = { ...state, calls: [call(1, 'А001', '2'), call(2, 'Б003', '5')] };
    source.emit('open');
    await vi.waitFor(() => expect(newest()).toContain('Б003'));
    expect(stateReads).toBe(2);
    expect(screen.queryByRole('status')).toBeNull();
    await vi.waitFor(() => expect(played).toBe(1));
  });

  it('offers a button to turn the sound on when the browser refuses to play unasked', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockRejectedValue(new DOMException('no gesture', 'NotAllowedError'));
    const source = await openBoard();
    source.emit('open');
    source.emit('call', call(5, 'А009', '1'));
    expect(await screen.findByRole('button', { name: 'Увімкнути звук' })).toBeTruthy();
  });
});
