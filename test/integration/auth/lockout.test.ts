import { describe, expect, it } from 'vitest';
import { signInAdmin, TEST_ADMIN_PASSWORD } from '../../helpers/sign-in';
import { useAuthDesks, value } from './desk';

const openDesk = useAuthDesks();
const MINUTE = 60_000;

describe('lockout after failed sign-ins', () => {
  it('the fifth wrong password in a row locks the account until `until`; then it may try again', async () => {
    const desk = openDesk();
    await signInAdmin(desk.api);
    await value(desk.api, 'auth.signOut', {});
    const wrong = () => value(desk.api, 'auth.signIn', { login: 'admin', secret: 'not-the-password' });
    const left: (number | null)[] = [];
    for (let i = 0; i < 4; i += 1) {
      const result = await wrong();
      expect(result).toMatchObject({ outcome: 'refused', reason: 'wrong_secret', until: null });
      left.push(result.outcome === 'refused' ? result.attemptsLeft : null);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    const fifth = await wrong();
    expect(fifth).toEqual({ outcome: 'refused', reason: 'locked_out', until: '2026-12-01T08:01:00.000Z', attemptsLeft: null });
    // Locked: even the right password is refused, without counting.
    expect(await value(desk.api, 'auth.signIn', { login: 'admin', secret: TEST_ADMIN_PASSWORD })).toMatchObject({
      outcome: 'refused',
      reason: 'locked_out',
      until: '2026-12-01T08:01:00.000Z',
    });
    desk.advance(MINUTE - 1);
    expect(await value(desk.api, 'auth.signIn', { login: 'admin', secret: TEST_ADMIN_PASSWORD })).toMatchObject({ reason: 'locked_out' });
    desk.advance(1);
    expect(await value(desk.api, 'auth.signIn', { login: 'admin', secret: TEST_ADMIN_PASSWORD })).toMatchObject({ outcome: 'signed_in' });
  });

  it('the next lockout lasts twice as long; a good sign-in starts the count again', async () => {
    const desk = openDesk();
    await signInAdmin(desk.api);
    await value(desk.api, 'auth.signOut', {});
    const fiveWrong = async () => {
      let last = null;
      for (let i = 0; i < 5; i += 1) last = await value(desk.api, 'auth.signIn', { login: 'admin', secret: 'not-the-password' });
      return last;
    };
    expect(await fiveWrong()).toMatchObject({ reason: 'locked_out', until: '2026-12-01T08:01:00.000Z' });
    desk.advance(MINUTE);
    expect(await fiveWrong()).toMatchObject({ reason: 'locked_out', until: '2026-12-01T08:03:00.000Z' });
    desk.advance(2 * MINUTE);
    await value(desk.api, 'auth.signIn', { login: 'admin', secret: TEST_ADMIN_PASSWORD });
    await value(desk.api, 'auth.signOut', {});
    expect(await fiveWrong()).toMatchObject({ reason: 'locked_out', until: '2026-12-01T08:04:00.000Z' });
  });

  it('an unknown login is refused and locked out just like a known one', async () => {
    const { api } = openDesk();
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push(await value(api, 'auth.signIn', { login: 'nobody', secret: 'whatever' }));
    expect(results.map((r) => (r.outcome === 'refused' ? [r.reason, r.attemptsLeft] : r.outcome))).toEqual([
      ['wrong_secret', 4],
      ['wrong_secret', 3],
      ['wrong_secret', 2],
      ['wrong_secret', 1],
      ['locked_out', null],
    ]);
  });

  it('a restart keeps the lockout: it is stored on the account', async () => {
    const desk = openDesk();
    await signInAdmin(desk.api);
    await value(desk.api, 'auth.signOut', {});
    for (let i = 0; i < 5; i += 1) await value(desk.api, 'auth.signIn', { login: 'admin', secret: 'not-the-password' });
    const again = await desk.restart();
    expect(await value(again.api, 'auth.state', {})).toMatchObject({ status: 'signed_out' });
    expect(await value(again.api, 'auth.signIn', { login: 'admin', secret: TEST_ADMIN_PASSWORD })).toMatchObject({
      reason: 'locked_out',
      until: '2026-12-01T08:01:00.000Z',
    });
    again.advance(MINUTE);
    expect(await value(again.api, 'auth.signIn', { login: 'admin', secret: TEST_ADMIN_PASSWORD })).toMatchObject({ outcome: 'signed_in' });
  });
});
