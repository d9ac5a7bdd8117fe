import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/backend/db/migrate';
import { migrations } from '../../../main/backend/db/migrations/registry';
import { INITIAL_ADMIN } from '../../../shared/auth';
import { signInAdmin, signInClerk } from '../../helpers/sign-in';
import { errorCode, useAuthDesks, value } from './desk';

const openDesk = useAuthDesks();

describe('accounts on a standalone desk', () => {
  it('refuses a taken login, changing the desk admin’s roles or desks, and disabling the desk admin', async () => {
    const { api } = openDesk();
    const admin = await signInAdmin(api);
    const adminId = admin.status === 'signed_in' ? admin.clerk.id : '';
    await value(api, 'accounts.save', { login: 'koval', fullName: 'Коваль', roles: ['clerk'], desks: null, password: 'temporary-pass-1' });
    const again = await api.call('accounts.save', {
      login: 'KOVAL',
      fullName: 'Ще один',
      roles: ['clerk'],
      desks: null,
      password: 'temporary-pass-1',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['login'] }] } } });
    expect(await errorCode(api.call('accounts.save', { login: 'nopass', fullName: 'Без пароля', roles: ['clerk'], desks: null }))).toBe(
      'VALIDATION',
    );
    const own = { id: adminId, login: 'admin', fullName: INITIAL_ADMIN.fullName };
    expect(await errorCode(api.call('accounts.save', { ...own, roles: ['admin'], desks: null }))).toBe('VALIDATION');
    expect(await errorCode(api.call('accounts.save', { ...own, roles: ['clerk', 'supervisor', 'admin', 'provider'], desks: ['02'] }))).toBe(
      'VALIDATION',
    );
    expect(await errorCode(api.call('accounts.setDisabled', { id: adminId, disabled: true }))).toBe('CONFLICT');
    const list = await value(api, 'accounts.list', {});
    expect(list.map((a) => [a.login, a.source, a.mustChangePassword, a.disabled])).toEqual([
      ['admin', 'desk', false, false],
      ['koval', 'desk', true, false],
    ]);
    expect(JSON.stringify(list)).not.toContain('scrypt$');
  });

  it('a reset sets a temporary password to change and lifts a lockout', async () => {
    const desk = openDesk();
    await signInAdmin(desk.api);
    const koval = await value(desk.api, 'accounts.save', {
      login: 'koval',
      fullName: 'Коваль',
      roles: ['clerk'],
      desks: null,
      password: 'temporary-pass-1',
    });
    for (let i = 0; i < 5; i += 1) await value(desk.api, 'auth.signIn', { login: 'koval', secret: 'forgotten-pass' });
    await signInAdmin(desk.api);
    expect((await value(desk.api, 'accounts.list', {})).find((a) => a.id === koval.id)?.lockedUntil).toBe('2026-12-01T08:01:00.000Z');
    const reset = await value(desk.api, 'accounts.resetPassword', { id: koval.id, password: 'temporary-pass-2' });
    expect(reset).toMatchObject({ lockedUntil: null, mustChangePassword: true });
    expect(await value(desk.api, 'auth.signIn', { login: 'koval', secret: 'temporary-pass-2' })).toMatchObject({
      outcome: 'signed_in',
      state: { mustChangePassword: true },
    });
  });
});

describe('accounts on a desk with a back office', () => {
  it('are read-only here: save, reset and disable answer CONFLICT', async () => {
    const { api } = openDesk({ backOffice: { url: 'http://127.0.0.1:9/' } }, { fetch: () => Promise.reject(new Error('offline')) });
    const admin = await signInAdmin(api);
    const adminId = admin.status === 'signed_in' ? admin.clerk.id : '';
    for (const call of [
      api.call('accounts.save', { login: 'koval', fullName: 'Коваль', roles: ['clerk'], desks: null, password: 'temporary-pass-1' }),
      api.call('accounts.resetPassword', { id: adminId, password: 'temporary-pass-2' }),
      api.call('accounts.setDisabled', { id: adminId, disabled: false }),
    ]) {
      expect(await call).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Accounts are managed at the back office' } });
    }
  });
});

describe('a desk from before sign-in', () => {
  it('its local clerk becomes the admin (same id, so its records stay its own), with the initial password to change', async () => {
    const desk = openDesk();
    await desk.backend.close();
    // The database as an earlier build left it: schema 14 and its local clerk.
    const file = join(desk.dataDir, 'vikno.db');
    rmSync(file, { force: true });
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    const old = new Database(file);
    migrate(old, migrations, 14);
    old
      .prepare(
        "INSERT INTO clerks (id, full_name, roles, is_local, created_at, updated_at) VALUES ('old-local', 'Олена Коваль', '[\"clerk\",\"supervisor\"]', 1, 'x', 'x')",
      )
      .run();
    old.close();

    const reopened = await desk.restart();
    const first = await value(reopened.api, 'auth.signIn', { login: 'admin', secret: 'admin' });
    expect(first).toMatchObject({
      outcome: 'signed_in',
      state: { clerk: { id: 'old-local', fullName: 'Олена Коваль' }, mustChangePassword: true },
    });
    const state = await signInAdmin(reopened.api);
    expect(state.status === 'signed_in' && state.clerk.roles).toEqual(['clerk', 'supervisor', 'admin', 'provider']);
    expect(await signInClerk(reopened.api, 'admin', 'desk-admin-pass-1')).toMatchObject({ clerk: { id: 'old-local' } });
  });
});
