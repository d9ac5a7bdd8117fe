/**
 * A back-office account's temporary password is changed at the desk, at the back office that owns
 * the account (POST /sync/clerk-password): the real desk against a real PGlite back office.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEnrollmentCode } from '../../../server/auth/enrollment';
import { createClerkAccount } from '../../../server/clerks/accounts';
import { ClerkAccountData } from '../../../shared/clerk-account';
import { signInAdmin, signInClerk, unwrap } from '../../helpers/sign-in';
import { useServer } from '../server/harness';
import { useAuthDesks } from './desk';
import type { TestDesk } from './desk';

const openDesk = useAuthDesks();

describe('a back-office account’s own password, changed at a desk', () => {
  const server = useServer('pglite');

  async function enrolledDesk(deskCode: string, url = server.url): Promise<{ desk: TestDesk; clerkId: string }> {
    const desk = openDesk({ center: { code: 'KV01', name: 'ЦНАП Київ' }, desk: { code: deskCode, window: deskCode }, backOffice: { url } });
    await signInAdmin(desk.api);
    const code = await createEnrollmentCode(server.storage, { centerCode: 'KV01', deskCode });
    const { id } = await createClerkAccount(server.storage, {
      centerCode: 'KV01',
      login: `temp.${deskCode}`,
      fullName: 'Коваль Олена',
      roles: ['clerk'],
      password: 'temporary-pass-1',
    });
    await unwrap(desk.api.call('sync.enroll', { code }));
    return { desk, clerkId: id };
  }

  async function serverAccount(id: string): Promise<ClerkAccountData> {
    const [row] = await server.storage.query<{ data: unknown }>('SELECT data FROM clerks WHERE id = $1', [id]);
    return ClerkAccountData.parse(row?.data);
  }

  it('a temporary password is changed at the back office: the clerk gets their roles, and the account no longer asks for a change', async () => {
    const { desk, clerkId } = await enrolledDesk('11');
    const first = await signInClerk(desk.api, 'temp.11', 'temporary-pass-1');
    expect(first).toMatchObject({ status: 'signed_in', mustChangePassword: true });
    // Until the change the session holds no role.
    expect(await desk.api.call('applications.listToday', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const wrong = await desk.api.call('auth.changePassword', { current: 'not-the-password', next: 'my-own-pass-1' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['current'] }] } } });
    expect(await serverAccount(clerkId)).toMatchObject({ mustChangePassword: true });

    const changed = await unwrap(desk.api.call('auth.changePassword', { current: 'temporary-pass-1', next: 'my-own-pass-1' }));
    expect(changed).toMatchObject({ status: 'signed_in', mustChangePassword: false, clerk: { roles: ['clerk'] } });
    expect(await serverAccount(clerkId)).toMatchObject({ mustChangePassword: false });
    expect(await desk.api.call('applications.listToday', {})).toMatchObject({ ok: true });

    // Another desk of the center pulls the new version: the new password works there, the temporary one no longer does.
    const { desk: other } = await enrolledDesk('12');
    const refused = await unwrap(other.api.call('auth.signIn', { login: 'temp.11', secret: 'temporary-pass-1' }));
    expect(refused).toMatchObject({ outcome: 'refused', reason: 'wrong_secret' });
    expect(await signInClerk(other.api, 'temp.11', 'my-own-pass-1')).toMatchObject({ mustChangePassword: false, clerk: { id: clerkId } });
  });

  it('with the back office unreachable the change is refused as UNAVAILABLE and the temporary password stays', async () => {
    const { desk, clerkId } = await enrolledDesk('13');
    // The same desk, its back office gone (nothing listens on port 9).
    const config = {
      center: { code: 'KV01', name: 'ЦНАП Київ' },
      desk: { code: '13', window: '13' },
      backOffice: { url: 'http://127.0.0.1:9/' },
    };
    writeFileSync(join(desk.dataDir, 'config.json'), JSON.stringify(config));
    const offline = await desk.restart();
    await signInClerk(offline.api, 'temp.13', 'temporary-pass-1');
    const refused = await offline.api.call('auth.changePassword', { current: 'temporary-pass-1', next: 'my-own-pass-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await unwrap(offline.api.call('auth.state', {}))).toMatchObject({ status: 'signed_in', mustChangePassword: true });
    expect(await signInClerk(offline.api, 'temp.13', 'temporary-pass-1')).toMatchObject({ mustChangePassword: true });
    expect(await serverAccount(clerkId)).toMatchObject({ mustChangePassword: true });
  });
});
