import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../../main/backend/sync/backoff';

const now = Date.UTC(2026, 10, 28, 10, 0, 0);

/** Retry-After headers a proxy or a broken back office really sends, beyond the plain ones in backoff.test.ts. */
describe('an unusual Retry-After', () => {
  it.each(['', '   '])('%j is no header at all, not "retry at once"', (header) => {
    expect(retryAfterMs(header, now)).toBeNull();
  });

  it('a negative number of seconds means now, never a negative wait', () => {
    expect(retryAfterMs('-5', now)).toBe(0);
  });

  it('fractions of a second are kept to the millisecond', () => {
    expect(retryAfterMs('1.5', now)).toBe(1500);
    expect(retryAfterMs('0.0004', now)).toBe(0);
  });
});
