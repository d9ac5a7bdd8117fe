import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from '../../../main/backend/sync/backoff';

const policy = { baseMs: 1000, capMs: 60_000 };

describe('backoff', () => {
  it('grows exponentially under a cap, with full jitter from zero', () => {
    expect(backoffDelay(0, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(7992);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(59_940);
    expect(backoffDelay(1000, policy, () => 0.5)).toBe(30_000);
    expect(backoffDelay(5, policy, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date, clamped to [0, cap]', () => {
    const now = Date.UTC(2026, 10, 28, 10, 0, 0);
    expect(retryAfterMs('12', now)).toBe(12_000);
    expect(retryAfterMs(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(retryAfterMs(new Date(now - 30_000).toUTCString(), now)).toBe(0);
    expect(retryAfterMs('86400', now, 60_000)).toBe(60_000);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});
