/**
 * Retry timing (docs/ARCHITECTURE.md §7.1): exponential backoff with full jitter, capped, so a hundred
 * desks coming back after an outage do not knock on the back office in step.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/** A delay in [0, min(cap, base·2^attempt)); `attempt` counts failures in a row, from 0. */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/**
 * The wait a `Retry-After` header asks for, in ms: seconds or an HTTP date. Null when absent
 * or unreadable; never negative; never beyond the cap (a broken server must not park a desk for days).
 */
export function retryAfterMs(header: string | null, nowMs: number, capMs: number = DEFAULT_BACKOFF.capMs): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - nowMs;
  if (!Number.isFinite(ms)) return null;
  return Math.min(capMs, Math.max(0, Math.round(ms)));
}
