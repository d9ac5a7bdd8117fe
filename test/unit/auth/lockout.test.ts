import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, attemptsLeft, CLEAR, lockedUntil, lockoutMinutes, MAX_FAILURES } from '../../../main/backend/auth/lockout';
import type { LockoutState } from '../../../main/backend/auth/lockout';

const START = Date.parse('2026-12-01T08:00:00.000Z');
const MINUTE = 60_000;

/** A sign-in attempt some time after the previous one: with the right secret or a wrong one. */
// Mostly wrong secrets, so runs of failures and repeated lockouts are common.
const attempt = fc.record({ right: fc.integer({ min: 0, max: 9 }).map((n) => n === 0), afterMs: fc.integer({ min: 0, max: 90 * MINUTE }) });

/** What a desk does with an attempt (auth-service.ts): refused unseen while locked, else counted or cleared. */
function drive(state: LockoutState, right: boolean, now: Date): { state: LockoutState; outcome: 'locked_out' | 'wrong' | 'ok' } {
  if (lockedUntil(state, now) !== null) return { state, outcome: 'locked_out' };
  return right ? { state: CLEAR, outcome: 'ok' } : { state: afterFailure(state, now), outcome: 'wrong' };
}

describe('the lockout policy', () => {
  it('lasts 1 minute, then doubles on each further lockout, never beyond 60', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(lockoutMinutes)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('locks exactly at the fifth counted failure in a row, for the doubling period, and a good sign-in forgets it all', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 80 }), (attempts) => {
        let state = CLEAR;
        let now = START;
        // An independent model: failures in a row since the last lockout or success, and lockouts since the last success.
        let inRow = 0;
        let lockouts = 0;
        let lockedTill = -Infinity;
        for (const { right, afterMs } of attempts) {
          now += afterMs;
          const step = drive(state, right, new Date(now));
          state = step.state;
          if (now < lockedTill) {
            expect(step.outcome).toBe('locked_out');
            continue;
          }
          if (right) {
            expect(step.outcome).toBe('ok');
            inRow = 0;
            lockouts = 0;
            expect(state).toEqual(CLEAR);
            continue;
          }
          inRow += 1;
          if (inRow === MAX_FAILURES) {
            inRow = 0;
            lockouts += 1;
            lockedTill = now + Math.min(60, 2 ** (lockouts - 1)) * MINUTE;
            expect(lockedUntil(state, new Date(now))).toBe(new Date(lockedTill).toISOString());
            expect(lockedUntil(state, new Date(lockedTill))).toBeNull();
          } else {
            expect(lockedUntil(state, new Date(now))).toBeNull();
            expect(attemptsLeft(state)).toBe(MAX_FAILURES - inRow);
          }
        }
      }),
    );
  });

  it('a locked login stays locked until the very end of the period, whatever is tried', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.array(fc.boolean(), { maxLength: 20 }), (lockouts, tries) => {
        const at = new Date(START);
        let state: LockoutState = { failures: MAX_FAILURES - 1, lockouts: lockouts - 1, lockedUntil: null };
        state = afterFailure(state, at);
        const end = START + lockoutMinutes(lockouts) * MINUTE;
        for (const right of tries) expect(drive(state, right, new Date(end - 1)).outcome).toBe('locked_out');
        expect(drive(state, true, new Date(end)).outcome).toBe('ok');
      }),
    );
  });
});
