// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../dom-setup';
import { createIdleTracker, MINUTE_MS } from '../../../../renderer/src/features/auth/idle-tracker';
import { useIdleLock } from '../../../../renderer/src/features/auth/use-idle-lock';

/** A clerk's morning as steps: time passes, then maybe a key or pointer event. */
const steps = fc.array(
  fc.record({
    wait: fc.integer({ min: 0, max: 15 * MINUTE_MS }),
    event: fc.constantFrom(null, 'keydown', 'pointerdown', 'pointermove', 'wheel'),
  }),
  { maxLength: 25 },
);

describe('the idle tracker', () => {
  it('says the lock is due exactly when no activity came within the last idle spell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), steps, fc.integer({ min: 0, max: 1e12 }), (minutes, morning, start) => {
        const limit = minutes * MINUTE_MS;
        const tracker = createIdleTracker(limit, start);
        const activity = [start];
        let now = start;
        for (const step of morning) {
          now += step.wait;
          const quietSince = Math.max(...activity);
          expect(tracker.remaining(now) === 0).toBe(now - quietSince >= limit);
          expect(tracker.remaining(now)).toBe(Math.max(0, quietSince + limit - now));
          if (step.event) {
            tracker.activity(now);
            activity.push(now);
          }
        }
      }),
    );
  });

  it('an event stamped earlier than one already seen does not bring the lock closer', () => {
    const tracker = createIdleTracker(10 * MINUTE_MS, 0);
    tracker.activity(5 * MINUTE_MS);
    tracker.activity(1 * MINUTE_MS);
    expect(tracker.remaining(5 * MINUTE_MS)).toBe(10 * MINUTE_MS);
  });
});

function IdleProbe({ minutes, onIdle }: { minutes: number; onIdle(): void }) {
  useIdleLock(minutes, onIdle);
  return null;
}

describe('the idle lock in a window (fake timers: the clock and the timers move only when told)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('locks once an idle spell of the desk’s minutes passes, whatever the sequence of key and pointer events before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), steps, (minutes, morning) => {
        const limit = minutes * MINUTE_MS;
        // A lock that re-fires at once would spin the fake clock for ever: fail instead of hanging.
        const onIdle = vi.fn(() => {
          if (onIdle.mock.calls.length > 1000) throw new Error('the idle lock fires without end');
        });
        const view = render(<IdleProbe minutes={minutes} onIdle={onIdle} />);
        let quiet = 0;
        let expected = 0;
        for (const step of morning) {
          // Each full idle spell inside the wait locks once; after a lock that did not take, the count starts over.
          expected += Math.floor((quiet + step.wait) / limit);
          quiet = (quiet + step.wait) % limit;
          act(() => vi.advanceTimersByTime(step.wait));
          expect(onIdle).toHaveBeenCalledTimes(expected);
          const type = step.event;
          if (type) {
            act(() => {
              window.dispatchEvent(new Event(type));
            });
            quiet = 0;
          }
        }
        view.unmount();
      }),
      { numRuns: 60 },
    );
  });

  it('never locks when the desk says 0 minutes', () => {
    const onIdle = vi.fn();
    render(<IdleProbe minutes={0} onIdle={onIdle} />);
    act(() => vi.advanceTimersByTime(24 * 60 * MINUTE_MS));
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('stops counting once the window no longer asks (the desk locked or signed out)', () => {
    const onIdle = vi.fn();
    const view = render(<IdleProbe minutes={10} onIdle={onIdle} />);
    act(() => vi.advanceTimersByTime(9 * MINUTE_MS));
    view.rerender(<IdleProbe minutes={0} onIdle={onIdle} />);
    act(() => vi.advanceTimersByTime(60 * MINUTE_MS));
    expect(onIdle).not.toHaveBeenCalled();
  });
});
