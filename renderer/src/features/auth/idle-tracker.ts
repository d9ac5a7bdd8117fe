/**
 * When an idle desk locks (desk config `accounts.idleLockMinutes`): a pure clock of the last key or
 * pointer event, told the time by its caller, so tests drive it without waiting.
 */
export interface IdleTracker {
  /** A key or pointer event at `at` (ms). An earlier time than one already seen changes nothing. */
  activity(at: number): void;
  /** Milliseconds until the lock is due, as of `at`; 0: lock now. */
  remaining(at: number): number;
}

export function createIdleTracker(limitMs: number, startedAt: number): IdleTracker {
  let last = startedAt;
  return {
    activity(at) {
      last = Math.max(last, at);
    },
    remaining(at) {
      return Math.max(0, last + limitMs - at);
    },
  };
}

export const MINUTE_MS = 60_000;
