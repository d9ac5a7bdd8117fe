import type { SyncTimers } from '../../main/backend/sync/engine';

interface Armed {
  id: number;
  at: number;
  fn: () => void;
}

export interface ManualClock {
  now: () => Date;
  /** Timers that fire only when `advance` moves the clock past them. */
  timers: SyncTimers;
  /** The delays, from now, of the timers armed and not yet fired, soonest first. */
  armed(): number[];
  /** Moves the clock on by `ms`, firing each timer that comes due on the way, in order. */
  advance(ms: number): void;
}

/** A clock and timer source moved by hand: a test sees exactly when a retry is due, with no real waiting. */
export function manualClock(startIso = '2026-11-27T09:30:00.000Z'): ManualClock {
  let nowMs = Date.parse(startIso);
  let nextId = 1;
  const armed = new Map<number, Armed>();
  const soonest = () => [...armed.values()].sort((a, b) => a.at - b.at || a.id - b.id)[0];
  return {
    now: () => new Date(nowMs),
    timers: {
      set(fn, ms) {
        const id = nextId++;
        armed.set(id, { id, at: nowMs + ms, fn });
        return id;
      },
      clear(handle) {
        armed.delete(handle as number);
      },
    },
    armed: () => [...armed.values()].map((t) => t.at - nowMs).sort((a, b) => a - b),
    advance(ms) {
      const until = nowMs + ms;
      for (let due = soonest(); due !== undefined && due.at <= until; due = soonest()) {
        armed.delete(due.id);
        nowMs = due.at;
        due.fn();
      }
      nowMs = until;
    },
  };
}
