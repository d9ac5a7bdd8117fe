import { useEffect, useRef } from 'react';
import { createIdleTracker, MINUTE_MS } from './idle-tracker';

/** What counts as the clerk being at the desk. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/**
 * Calls `onIdle` once `minutes` pass without a key or pointer event in this window (0: never).
 * One timer at a time, set for the moment the lock would be due and re-checked when it fires,
 * so typing costs no timer work. `now` is injected for tests; timers are the window's own.
 */
export function useIdleLock(minutes: number, onIdle: () => void, now: () => number = Date.now): void {
  const idle = useRef(onIdle);
  useEffect(() => {
    idle.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    if (minutes <= 0) return;
    const tracker = createIdleTracker(minutes * MINUTE_MS, now());
    let timer: ReturnType<typeof setTimeout>;
    const check = (): void => {
      const left = tracker.remaining(now());
      if (left > 0) {
        timer = setTimeout(check, left);
        return;
      }
      idle.current();
      // Counted afresh: should the lock not happen (the backend unreachable), it is tried again after another idle spell.
      tracker.activity(now());
      timer = setTimeout(check, tracker.remaining(now()));
    };
    const onActivity = (): void => tracker.activity(now());
    timer = setTimeout(check, tracker.remaining(now()));
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [minutes, now]);
}
