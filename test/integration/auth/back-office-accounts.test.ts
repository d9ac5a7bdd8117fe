import Database from 'better-sqlite3';
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionAssertionText } from '../../../shared/clerk-account';
import type { ClerkAccountData } from '../../../shared/clerk-account';
import type { AuthState } from '../../../shared/auth';
import { hashSecret } from '../../../main/backend/auth/password';
import { deskPublicKey } from '../../../main/backend/auth/desk-key';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import { writeSyncState } from '../../../main/backend/sync/sync-state';
import { bindDeviceKey } from '../../../main/backend/sync/sealed-state';
import { KEY_FILE } from '../../../main/backend/config/device-key';
import { memoryLogger } from '../../helpers/memory-logger';
import { scriptedBackOffice } from '../../helpers/scripted-back-office';
import { signInClerk } from '../../helpers/sign-in';
import { PERSON } from '../contract-calls';
import { errorCode, useAuthDesks, value } from './desk';
import type { TestDesk } from './desk';

const openDesk = useAuthDesks();
const CONFIG = {
  center: { code: 'KV01', name: 'ЦНАП Київ' },
  desk: { code: '07', window: '7' },
  backOffice: { url: 'http://127.0.0.1:9/' },
};

let version = 0;
/** A `clerk` change as the back office sends it, applied through the desk's real pull applier (on its own connection to the file). */
async function pullAccount(desk: TestDesk, patch: Partial<ClerkAccountData> & { password?: string } = {}): Promise<ClerkAccountData> {
  const { password = 'clerk-password-1', ...rest } = patch;
  const account: ClerkAccountData = {
    id: 'clerk-from-office-1',
    centerCode: 'KV01',
    login: 'koval',
    fullName: 'Коваль Олена',
    roles: ['clerk'],
    desks: null,
    passwordHash: await hashSecret(password),
    pinHash: null,
    mustChangePassword: false,
    disabled: false,
    ...rest,
  };
  version += 1;
  withFile(desk, (db) =>
    createChangeApplier(memoryLogger())(db, [{ seq: version, entity: 'clerk', id: account.id, version, data: account }]),
  );
  return account;
}

function withFile<T>(desk: TestDesk, work: (db: Database.Database) => T): T {
  const db = new Database(join(desk.dataDir, 'vikno.db'));
  // The desk's secrets are sealed with its device key (the browser host's key file).
  bindDeviceKey(db, readFileSync(join(desk.dataDir, KEY_FILE)));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe('accounts from the back office', () => {
  it('a clerk signs in offline against the pulled hash, with the roles the back office gave', async () => {
    const desk = openDesk(CONFIG, { fetch: () => Promise.reject(new Error('offline')) });
    const account = await pullAccount(desk);
    const state = await signInClerk(desk.api, 'koval', 'clerk-password-1');
    expect(state).toMatchObject({ status: 'signed_in', clerk: { id: account.id, roles: ['clerk'] }, mustChangePassword: false });
    expect(await errorCode(desk.api.call('applications.listToday', {}))).toBeNull();
    expect(await errorCode(desk.api.call('calendar.put', { day: '2026-12-25', kind: 'day_off', name: 'Різдво' }))).toBe('FORBIDDEN');
    expect(
      await errorCode(
        desk.api.call('accounts.save', { login: 'x-y-z', fullName: 'X', roles: ['clerk'], desks: null, password: 'temporary-pass-1' }),
      ),
    ).toBe('FORBIDDEN');
    expect(await errorCode(desk.api.call('clerk.rename', { fullName: 'Інше імʼя' }))).toBe('CONFLICT');
  });

  it('a pulled account not allowed at this desk, or disabled, is refused; disabled while signed in, its session ends at the next call', async () => {
    const desk = openDesk(CONFIG, { fetch: () => Promise.reject(new Error('offline')) });
    await pullAccount(desk, { desks: ['02', '03'] });
    expect(await value(desk.api, 'auth.signIn', { login: 'koval', secret: 'clerk-password-1' })).toMatchObject({
      reason: 'not_on_this_desk',
    });
    await pullAccount(desk, { desks: ['07'], disabled: true });
    expect(await value(desk.api, 'auth.signIn', { login: 'koval', secret: 'clerk-password-1' })).toMatchObject({ reason: 'disabled' });
    await pullAccount(desk, { desks: ['07'] });
    await signInClerk(desk.api, 'koval', 'clerk-password-1');
    const seen: AuthState[] = [];
    desk.api.on('auth.changed', (s) => seen.push(s));

    await pullAccount(desk, { disabled: true });
    expect(await errorCode(desk.api.call('applications.listToday', {}))).toBe('UNAUTHENTICATED');
    expect(await value(desk.api, 'auth.state', {})).toMatchObject({ status: 'signed_out' });
    expect(seen.map((s) => s.status)).toEqual(['signed_out']);
  });

  it('a tombstone disables the account (its records keep naming it)', async () => {
    const desk = openDesk(CONFIG, { fetch: () => Promise.reject(new Error('offline')) });
    const account = await pullAccount(desk);
    withFile(desk, (db) =>
      createChangeApplier(memoryLogger())(db, [{ seq: 99, entity: 'clerk', id: account.id, version: 99, data: null }]),
    );
    expect(await value(desk.api, 'auth.signIn', { login: 'koval', secret: 'clerk-password-1' })).toMatchObject({ reason: 'disabled' });
  });

  it('the back office owns logins: a desk-made account gives its login up; the desk admin keeps `admin`', async () => {
    const desk = openDesk(CONFIG, { fetch: () => Promise.reject(new Error('offline')) });
    withFile(desk, (db) =>
      db
        .prepare(
          "INSERT INTO clerks (id, full_name, roles, login, password_hash, origin, created_at, updated_at) VALUES ('made-here', 'Коваль (стара)', '[\"clerk\"]', 'koval', NULL, 'desk', 'x', 'x')",
        )
        .run(),
    );
    const account = await pullAccount(desk);
    await pullAccount(desk, { id: 'office-admin', login: 'admin', password: 'office-admin-pass' });
    expect(await signInClerk(desk.api, 'koval', 'clerk-password-1')).toMatchObject({ clerk: { id: account.id } });
    expect(withFile(desk, (db) => db.prepare("SELECT login, disabled FROM clerks WHERE id = 'made-here'").get())).toEqual({
      login: null,
      disabled: 1,
    });
    expect(await value(desk.api, 'auth.signIn', { login: 'admin', secret: 'office-admin-pass' })).toMatchObject({ reason: 'wrong_secret' });
    expect(await value(desk.api, 'auth.signIn', { login: 'admin', secret: 'admin' })).toMatchObject({
      outcome: 'signed_in',
      state: { clerk: { roles: ['admin'] } },
    });
  });

  it('a push names each mutation’s session and carries its desk-signed assertion; a desk enrolled without a key registers it first, once', async () => {
    const office = scriptedBackOffice();
    // The sync routes only; the queue's and files' requests find no one.
    const syncOnly: typeof fetch = (input, init) =>
      new URL(input instanceof Request ? input.url : String(input)).pathname.startsWith('/sync/')
        ? office.fetch(input, init)
        : Promise.reject(new Error('offline'));
    const desk = openDesk(CONFIG, { fetch: syncOnly });
    const account = await pullAccount(desk);
    // Enrolled before desks had keys: a token and a device id, no registered key.
    withFile(desk, (db) => {
      writeSyncState(db, 'device_token', 'token-of-desk-07');
      writeSyncState(db, 'device_id', 'device-07');
    });
    const state = await signInClerk(desk.api, 'koval', 'clerk-password-1');
    const [service] = await value(desk.api, 'catalog.search', { q: '' });
    await value(desk.api, 'intake.register', {
      serviceId: service!.id,
      applicant: PERSON,
      items: [{ name: 'Заява', original: true, sheets: 1 }],
      insisted: { reason: 'Решту документів донесе' },
    });
    await value(desk.api, 'sync.now', {});
    await value(desk.api, 'sync.now', {});

    const publicKey = withFile(desk, (db) => deskPublicKey(db));
    expect(office.deskKeys).toEqual([publicKey]);
    const pushed = office.pushes.filter((p) => p.mutationIds.length > 0);
    expect(pushed.length).toBeGreaterThan(0);
    const sessionIds = new Set(pushed.flatMap((p) => p.sessionIds));
    expect(sessionIds.size).toBe(1);
    const [sessionId] = [...sessionIds];
    for (const push of pushed) {
      expect(push.sessions).toHaveLength(1);
      const [assertion] = push.sessions;
      expect(assertion).toMatchObject({ sessionId, clerkId: account.id });
      expect(state.status === 'signed_in' && state.clerk.id).toBe(account.id);
      const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
      const text = Buffer.from(sessionAssertionText('device-07', assertion!), 'utf8');
      expect(verify(null, text, key, Buffer.from(assertion!.signature, 'base64'))).toBe(true);
    }
  });
});
