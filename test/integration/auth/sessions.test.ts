import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuthState } from '../../../shared/auth';
import type { ViknoApi } from '../../../shared/contract';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { signInAdmin, signInClerk } from '../../helpers/sign-in';
import { PERSON } from '../contract-calls';
import { errorCode, useAuthDesks, value } from './desk';

const openDesk = useAuthDesks();

/** Two clerk accounts made by the standalone desk's admin, their temporary passwords changed. */
async function withClerks(api: ViknoApi): Promise<void> {
  await signInAdmin(api);
  for (const login of ['koval', 'bondar']) {
    await value(api, 'accounts.save', { login, fullName: `Клерк ${login}`, roles: ['clerk'], desks: null, password: 'temporary-pass-1' });
  }
  for (const login of ['koval', 'bondar']) {
    await value(api, 'auth.signIn', { login, secret: 'temporary-pass-1' });
    await value(api, 'auth.changePassword', { current: 'temporary-pass-1', next: `${login}-password` });
  }
  await value(api, 'auth.signOut', {});
}

async function register(api: ViknoApi, rnokpp: string): Promise<string> {
  const [service] = await value(api, 'catalog.search', { q: 'ID-01' });
  const app = await value(api, 'intake.register', {
    serviceId: service!.id,
    applicant: { ...PERSON, rnokpp },
    items: [{ name: 'Заява', original: true, sheets: 1 }],
    insisted: { reason: 'Решту документів донесе' },
  });
  return app.id;
}

describe('the desk session', () => {
  it('lock keeps the clerk and the unsaved intake; only that clerk’s password unlocks; every window follows', async () => {
    const desk = openDesk();
    await withClerks(desk.api);
    const other = connectInProcess(desk.backend);
    const seen: AuthState['status'][] = [];
    other.on('auth.changed', (state) => seen.push(state.status));
    const signedIn = await signInClerk(desk.api, 'koval', 'koval-password');
    await value(desk.api, 'drafts.save', { data: { surname: 'Шевченко', note: 'не дописано' } });

    expect(await value(desk.api, 'auth.lock', {})).toMatchObject({ status: 'locked', clerk: { login: 'koval' } });
    expect(await errorCode(other.call('drafts.get', {}))).toBe('UNAUTHENTICATED');
    expect(await value(desk.api, 'auth.unlock', { secret: 'bondar-password' })).toMatchObject({
      outcome: 'refused',
      reason: 'wrong_secret',
    });
    const unlocked = await value(desk.api, 'auth.unlock', { secret: 'koval-password' });
    expect(unlocked).toMatchObject({
      outcome: 'signed_in',
      state: { status: 'signed_in', clerk: signedIn.status === 'signed_in' ? signedIn.clerk : null },
    });
    expect((await value(other, 'drafts.get', {}))?.data).toEqual({ surname: 'Шевченко', note: 'не дописано' });
    expect(seen).toEqual(['signed_in', 'locked', 'signed_in']);
  });

  it('switching clerk keeps the previous clerk’s unsynced work theirs (actor and session), and their draft for later', async () => {
    const desk = openDesk();
    await withClerks(desk.api);
    const koval = await signInClerk(desk.api, 'koval', 'koval-password');
    await register(desk.api, '1759013776');
    await value(desk.api, 'drafts.save', { data: { surname: 'Коваль' } });
    await value(desk.api, 'auth.lock', {});
    // Another clerk signs in at the lock screen: the desk switches to them.
    const bondar = await signInClerk(desk.api, 'bondar', 'bondar-password');
    await register(desk.api, '2245134075');
    expect(await value(desk.api, 'drafts.get', {})).toBeNull();

    const side = new Database(join(desk.dataDir, 'vikno.db'), { readonly: true });
    const rows = side
      .prepare(
        `SELECT o.actor, o.session_id, s.clerk_id AS session_clerk, s.ended_at IS NOT NULL AS ended
         FROM outbox o JOIN clerk_sessions s ON s.id = o.session_id ORDER BY o.seq`,
      )
      .all() as { actor: string; session_id: string; session_clerk: string; ended: number }[];
    const total = side.prepare('SELECT count(*) FROM outbox').pluck().get();
    side.close();
    const id = (s: AuthState) => (s.status === 'signed_in' ? s.clerk.id : '');
    expect(rows).toHaveLength(total as number);
    type Row = (typeof rows)[number];
    const byActor = new Map<string, Row[]>();
    for (const row of rows) byActor.set(row.actor, [...(byActor.get(row.actor) ?? []), row]);
    expect([...byActor.keys()]).toEqual([id(koval), id(bondar)]);
    for (const [actor, own] of byActor) {
      expect(new Set(own.map((r) => r.session_id)).size).toBe(1);
      expect(own.every((r) => r.session_clerk === actor)).toBe(true);
    }
    expect(byActor.get(id(koval))!.every((r) => r.ended === 1)).toBe(true);
    expect(byActor.get(id(bondar))!.every((r) => r.ended === 0)).toBe(true);

    await signInClerk(desk.api, 'koval', 'koval-password');
    expect((await value(desk.api, 'drafts.get', {}))?.data).toEqual({ surname: 'Коваль' });
  });

  it('every sign-in, failure, lock, unlock, sign-out, password change and account change is in the audit chain, never a secret', async () => {
    const desk = openDesk();
    await withClerks(desk.api);
    await value(desk.api, 'auth.signIn', { login: 'koval', secret: 'wrong-password-9' });
    await signInClerk(desk.api, 'koval', 'koval-password');
    await value(desk.api, 'auth.lock', {});
    await value(desk.api, 'auth.unlock', { secret: 'koval-password' });
    await value(desk.api, 'auth.signOut', {});
    await signInAdmin(desk.api);
    const bondar = (await value(desk.api, 'accounts.list', {})).find((a) => a.login === 'bondar')!;
    await value(desk.api, 'accounts.resetPassword', { id: bondar.id, password: 'reset-password-1' });
    await value(desk.api, 'accounts.setDisabled', { id: bondar.id, disabled: true });
    expect(await value(desk.api, 'storage.verifyAudit', {})).toMatchObject({ state: 'ok' });

    const side = new Database(join(desk.dataDir, 'vikno.db'), { readonly: true });
    const entries = side.prepare("SELECT action, details FROM audit_events WHERE entity = 'clerk' ORDER BY seq").all() as {
      action: string;
      details: string;
    }[];
    side.close();
    expect(entries.map((e) => e.action)).toEqual([
      'auth.sign_in', // admin, first
      'auth.password_changed',
      'account.create',
      'account.create',
      'auth.sign_in', // koval
      'auth.password_changed',
      'auth.sign_in', // bondar
      'auth.password_changed',
      'auth.sign_out',
      'auth.sign_in_failed',
      'auth.sign_in',
      'auth.lock',
      'auth.unlock',
      'auth.sign_out',
      'auth.sign_in_failed', // signInAdmin tries the initial password first
      'auth.sign_in',
      'account.reset_password',
      'account.disable',
    ]);
    const text = entries.map((e) => e.details).join('\n');
    for (const secret of ['wrong-password-9', 'koval-password', 'temporary-pass-1', 'reset-password-1', 'desk-admin-pass-1', 'scrypt$'])
      expect(text).not.toContain(secret);
  });

  it('refuses a disabled account and one not allowed at this desk, only once the password is right', async () => {
    const desk = openDesk();
    await signInAdmin(desk.api);
    const away = await value(desk.api, 'accounts.save', {
      login: 'away',
      fullName: 'Інше вікно',
      roles: ['clerk'],
      desks: ['02'],
      password: 'temporary-pass-1',
    });
    expect(away.desks).toEqual(['02']);
    const here = await value(desk.api, 'accounts.save', {
      login: 'here',
      fullName: 'Це вікно',
      roles: ['clerk'],
      desks: ['01'],
      password: 'temporary-pass-1',
    });
    await value(desk.api, 'accounts.save', {
      login: 'gone',
      fullName: 'Звільнена',
      roles: ['clerk'],
      desks: null,
      password: 'temporary-pass-1',
    });
    const gone = (await value(desk.api, 'accounts.list', {})).find((a) => a.login === 'gone')!;
    await value(desk.api, 'accounts.setDisabled', { id: gone.id, disabled: true });
    expect(await value(desk.api, 'auth.signIn', { login: 'away', secret: 'temporary-pass-1' })).toMatchObject({
      reason: 'not_on_this_desk',
    });
    expect(await value(desk.api, 'auth.signIn', { login: 'gone', secret: 'temporary-pass-1' })).toMatchObject({ reason: 'disabled' });
    // A wrong password tells nothing about the account's state.
    expect(await value(desk.api, 'auth.signIn', { login: 'gone', secret: 'not-it-at-all' })).toMatchObject({ reason: 'wrong_secret' });
    expect(await value(desk.api, 'auth.state', {})).toMatchObject({ status: 'signed_in', clerk: { login: 'admin' } });

    expect(await signInClerk(desk.api, 'here', 'temporary-pass-1')).toMatchObject({ status: 'signed_in', clerk: { id: here.id } });
  });
});

describe('PINs', () => {
  async function withPin(api: ViknoApi): Promise<void> {
    await signInAdmin(api);
    await value(api, 'accounts.save', {
      login: 'koval',
      fullName: 'Коваль',
      roles: ['clerk'],
      desks: null,
      password: 'temporary-pass-1',
      pin: '4821',
    });
    await value(api, 'auth.signIn', { login: 'koval', secret: 'temporary-pass-1' });
    await value(api, 'auth.changePassword', { current: 'temporary-pass-1', next: 'koval-password' });
    await value(api, 'auth.lock', {});
  }

  it('where the center allows PINs, the PIN signs in and unlocks like the password', async () => {
    const desk = openDesk({ accounts: { pinAllowed: true, idleLockMinutes: 5 } });
    await withPin(desk.api);
    expect(await value(desk.api, 'auth.state', {})).toMatchObject({ status: 'locked', pinAllowed: true });
    expect(await value(desk.api, 'auth.unlock', { secret: '4821' })).toMatchObject({ outcome: 'signed_in', state: { idleLockMinutes: 5 } });
    await value(desk.api, 'auth.signOut', {});
    expect(await value(desk.api, 'auth.signIn', { login: 'koval', secret: '4821' })).toMatchObject({ outcome: 'signed_in' });
    expect(await value(desk.api, 'auth.signIn', { login: 'koval', secret: '4822' })).toMatchObject({ reason: 'wrong_secret' });
  });

  it('elsewhere a right PIN is refused as pin_not_allowed, and a wrong one is just wrong', async () => {
    const desk = openDesk();
    await withPin(desk.api);
    expect(await value(desk.api, 'auth.unlock', { secret: '4821' })).toMatchObject({ outcome: 'refused', reason: 'pin_not_allowed' });
    expect(await value(desk.api, 'auth.unlock', { secret: '4822' })).toMatchObject({ outcome: 'refused', reason: 'wrong_secret' });
    expect(await value(desk.api, 'auth.unlock', { secret: 'koval-password' })).toMatchObject({ outcome: 'signed_in' });
  });
});
