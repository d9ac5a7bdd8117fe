import { describe, expect, it } from 'vitest';
import { INITIAL_ADMIN } from '../../../shared/auth';
import { ROLES } from '../../../shared/roles';
import { signInAdmin, TEST_ADMIN_PASSWORD } from '../../helpers/sign-in';
import { errorCode, useAuthDesks, value } from './desk';

const openDesk = useAuthDesks();

describe('first start', () => {
  it('starts signed out: only the public methods answer', async () => {
    const { api } = openDesk();
    expect(await value(api, 'auth.state', {})).toEqual({ status: 'signed_out', pinAllowed: false });
    expect(await errorCode(api.call('applications.listToday', {}))).toBe('UNAUTHENTICATED');
    expect(await errorCode(api.call('app.info', {}))).toBeNull();
  });

  it('the admin signs in with the initial password, holds no role until it is changed, then every role of a standalone desk', async () => {
    const { api } = openDesk();
    const first = await value(api, 'auth.signIn', { login: INITIAL_ADMIN.login, secret: INITIAL_ADMIN.password });
    expect(first).toMatchObject({ outcome: 'signed_in', state: { status: 'signed_in', mustChangePassword: true } });
    expect(await errorCode(api.call('applications.listToday', {}))).toBe('FORBIDDEN');
    expect(await errorCode(api.call('clerk.me', {}))).toBe('FORBIDDEN');
    const changed = await value(api, 'auth.changePassword', { current: INITIAL_ADMIN.password, next: TEST_ADMIN_PASSWORD });
    expect(changed).toMatchObject({ status: 'signed_in', mustChangePassword: false, idleLockMinutes: 10 });
    expect(changed.status === 'signed_in' && [...changed.clerk.roles].sort()).toEqual([...ROLES].sort());
    expect(await errorCode(api.call('applications.listToday', {}))).toBeNull();
    expect((await value(api, 'clerk.me', {})).roles.sort()).toEqual([...ROLES].sort());
  });

  it('on a desk with a back office the admin holds only admin', async () => {
    const { api } = openDesk({ backOffice: { url: 'http://127.0.0.1:9/' } }, { fetch: () => Promise.reject(new Error('offline')) });
    const state = await signInAdmin(api);
    expect(state.status === 'signed_in' && state.clerk.roles).toEqual(['admin']);
    expect(await errorCode(api.call('applications.listToday', {}))).toBe('FORBIDDEN');
    expect(await errorCode(api.call('accounts.list', {}))).toBeNull();
  });
});
