import { describe, expect, it } from 'vitest';
import { ClerkAccountData } from '../../../shared/clerk-account';
import { parseHash } from '../../../shared/password-hash';
import { STORAGES, useServer } from './harness';
import type { Desk, Harness } from './harness';

function admin(server: Harness) {
  return async (path: string, body: unknown) => {
    const res = await fetch(`${server.url}/admin/clerks${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
}

/** The `clerk` changes the desk pulls after `cursor`, their data read as a desk reads it. */
async function pulledClerks(server: Harness, desk: Desk, cursor: number): Promise<{ version: number; data: ClerkAccountData }[]> {
  const { changes } = await server.pull(desk, cursor);
  return changes.filter((c) => c.entity === 'clerk').map((c) => ({ version: c.version, data: ClerkAccountData.parse(c.data) }));
}

describe.each(STORAGES)('clerk accounts on %s', (kind) => {
  const server = useServer(kind);
  const post = admin(server);

  it("creates, resets, disables and enables an account through the admin routes, each change pulled by the center's desks only", async () => {
    const desk = await server.enrollDesk('KV01', '01');
    const elsewhere = await server.enrollDesk('KV02', '01');
    const [cursor, otherCursor] = [(await server.pull(desk, 0)).cursor, (await server.pull(elsewhere, 0)).cursor];
    const created = await post('', {
      centerCode: 'KV01',
      login: 'Koval',
      fullName: 'Коваль Олена Петрівна',
      roles: ['clerk', 'supervisor'],
      desks: ['01', '02'],
      password: 'temporary-1',
      pin: '4321',
    });
    expect(created.status).toBe(200);
    const id = created.json.id as string;
    expect((await post('/reset', { centerCode: 'KV01', login: 'koval', password: 'temporary-2' })).status).toBe(200);
    expect((await post('/disable', { centerCode: 'KV01', login: 'koval', disabled: true })).json).toEqual({ id, changed: true });
    expect((await post('/disable', { centerCode: 'KV01', login: 'koval', disabled: true })).json).toEqual({ id, changed: false });
    expect((await post('/disable', { centerCode: 'KV01', login: 'koval', disabled: false })).json).toEqual({ id, changed: true });

    const pulled = await pulledClerks(server, desk, cursor);
    expect(pulled.map((p) => [p.data.id, p.version, p.data.disabled])).toEqual([
      [id, 1, false],
      [id, 2, false],
      [id, 3, true],
      [id, 4, false],
    ]);
    const first = pulled[0]!.data;
    expect(first).toMatchObject({
      centerCode: 'KV01',
      login: 'koval',
      roles: ['clerk', 'supervisor'],
      desks: ['01', '02'],
      mustChangePassword: true,
    });
    expect(parseHash(first.passwordHash)).not.toBeNull();
    expect(parseHash(first.pinHash ?? '')).not.toBeNull();
    // The reset is a new hash of the new password; the PIN stays.
    expect(pulled[1]!.data.passwordHash).not.toBe(first.passwordHash);
    expect(pulled[1]!.data.pinHash).toBe(first.pinHash);
    expect(await pulledClerks(server, elsewhere, otherCursor)).toEqual([]);

    const listed = await post('/list', { centerCode: 'KV01' });
    const accounts = listed.json.accounts as Record<string, unknown>[];
    expect(accounts.find((a) => a.login === 'koval')).toEqual({
      id,
      centerCode: 'KV01',
      login: 'koval',
      fullName: 'Коваль Олена Петрівна',
      roles: ['clerk', 'supervisor'],
      desks: ['01', '02'],
      hasPin: true,
      mustChangePassword: true,
      disabled: false,
    });
    expect(JSON.stringify(listed.json)).not.toContain('scrypt$');
  });

  it('refuses bad input with a clear error and writes nothing: unknown center, a login taken, bad roles, a short password, an unknown account', async () => {
    await server.enrollDesk('KV03');
    const good = { centerCode: 'KV03', login: 'shevchenko', fullName: 'Шевченко Тарас', roles: ['clerk'], password: 'temporary-1' };
    expect((await post('', good)).status).toBe(200);
    const before = await server.storage.query<{ n: unknown }>('SELECT count(*) AS n FROM changes');
    const refusals = [
      await post('', { ...good, centerCode: 'NOPE' }),
      await post('', { ...good, login: 'SHEVCHENKO' }),
      await post('', { ...good, login: 'other', roles: ['boss'] }),
      await post('', { ...good, login: 'other', roles: [] }),
      await post('', { ...good, login: 'other', password: 'short' }),
      await post('/reset', { centerCode: 'KV03', login: 'nobody', password: 'temporary-2' }),
      await post('/disable', { centerCode: 'KV03', login: 'shevchenko' }),
    ];
    expect(refusals.map((r) => [r.status, (r.json.error as { code: string }).code])).toEqual([
      [400, 'unknown_center'],
      [409, 'login_taken'],
      [400, 'invalid_account'],
      [400, 'invalid_account'],
      [400, 'invalid_account'],
      [404, 'unknown_account'],
      [400, 'invalid_account'],
    ]);
    expect((refusals[2]!.json.error as { message: string }).message).toContain('roles');
    expect(await server.storage.query('SELECT count(*) AS n FROM changes')).toEqual(before);
    expect((await fetch(`${server.url}/admin/clerks/list`, { method: 'POST', body: '{}' })).status).toBe(401);
  });
});
