/**
 * Every contract method × every role (issue 15): a crafted call is refused in the backend, whatever
 * the renderer shows. Each role gets an account holding only it (made by the admin of a standalone
 * desk); the walk calls every method with input the contract accepts (contract-calls.ts), so the
 * only refusals left are the role's. Records named by made-up ids are fine: a call the role may
 * make then answers NOT_FOUND or the like, never FORBIDDEN.
 */
import { describe, expect, it } from 'vitest';
import { methods } from '../../../shared/contract';
import type { MethodName, MethodSpec, ViknoApi } from '../../../shared/contract';
import { ROLES } from '../../../shared/roles';
import type { Role } from '../../../shared/roles';
import { signInAdmin } from '../../helpers/sign-in';
import { CALLS } from '../contract-calls';
import type { Made } from '../contract-calls';
import { useAuthDesks, value } from './desk';

const openDesk = useAuthDesks();

const MADE: Made = {
  applicantId: '00000000-0000-4000-8000-000000000001',
  applicationId: 'no-application',
  regNumber: 'KV01-07-000000',
  serviceId: 'no-service',
  deadMutations: ['no-mutation-1', 'no-mutation-2'],
  paymentId: 'no-payment',
  editSetId: 'no-set-1',
  pageIds: ['no-page-1', 'no-page-2'],
  inboxSetId: 'no-set-2',
  lineSetId: 'no-set-3',
  documentId: 'no-document',
  importId: 'no-import',
  scanId: 'no-scan',
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
};

/** These two end the session they are called in: the walk calls them last. */
const ENDS_SESSION: readonly MethodName[] = ['auth.lock', 'auth.signOut'];
const ORDER = [...(Object.keys(CALLS) as MethodName[]).filter((m) => !ENDS_SESSION.includes(m)), ...ENDS_SESSION];
const roleOf = (method: MethodName) => (methods[method] as MethodSpec).role;

/**
 * Each method's answer: the refusal when the call was refused FORBIDDEN or UNAUTHENTICATED, or its
 * input refused by the dispatcher (a CALLS entry the contract no longer accepts), else 'ok' (other
 * errors are about the made-up records).
 */
async function walk(api: ViknoApi): Promise<Record<string, string>> {
  const answers: Record<string, string> = {};
  const call = api.call as (name: MethodName, input: unknown) => ReturnType<ViknoApi['call']>;
  for (const method of ORDER) {
    const result = await call(method, CALLS[method](MADE));
    const refused = !result.ok && (result.error.code === 'FORBIDDEN' || result.error.code === 'UNAUTHENTICATED');
    const badInput = !result.ok && result.error.code === 'VALIDATION' && result.error.message.startsWith('Invalid input for');
    answers[method] = refused || badInput ? result.error.code : 'ok';
  }
  return answers;
}

const expected = (answer: (method: MethodName) => string) => Object.fromEntries(ORDER.map((m) => [m, answer(m)]));

async function accountFor(api: ViknoApi, role: Role): Promise<string> {
  const login = `only-${role}`;
  await value(api, 'accounts.save', { login, fullName: `Лише ${role}`, roles: [role], desks: null, password: 'temporary-pass-1' });
  return login;
}

describe('every contract method × every role', () => {
  it('allows exactly the methods of the role held; refuses the rest FORBIDDEN; none while the password must change', async () => {
    const { api } = openDesk();
    await signInAdmin(api);
    const logins = new Map<Role, string>();
    for (const role of ROLES) logins.set(role, await accountFor(api, role));

    for (const role of ROLES) {
      const login = logins.get(role)!;
      const first = await value(api, 'auth.signIn', { login, secret: 'temporary-pass-1' });
      expect(first.outcome === 'signed_in' && first.state.status === 'signed_in' && first.state.mustChangePassword).toBe(true);
      expect(await walk(api), `${role}, password to change`).toEqual(expected((m) => (roleOf(m) === 'public' ? 'ok' : 'FORBIDDEN')));
      await value(api, 'auth.signIn', { login, secret: 'temporary-pass-1' });
      await value(api, 'auth.changePassword', { current: 'temporary-pass-1', next: `${role}-password-1` });
      expect(await walk(api), role).toEqual(expected((m) => (roleOf(m) === 'public' || roleOf(m) === role ? 'ok' : 'FORBIDDEN')));
    }
  });

  it('refuses every non-public method UNAUTHENTICATED signed out, and while the desk is locked', async () => {
    const { api } = openDesk();
    const signedOut = await walk(api);
    const unauthenticated = expected((m) =>
      roleOf(m) !== 'public' ? 'UNAUTHENTICATED' : m === 'auth.unlock' || m === 'auth.changePassword' ? 'UNAUTHENTICATED' : 'ok',
    );
    expect(signedOut).toEqual(unauthenticated);

    await signInAdmin(api);
    await value(api, 'auth.lock', {});
    expect((await value(api, 'auth.state', {})).status).toBe('locked');
    // Locked, the wrong unlock is refused as data (wrong_secret), the password change as UNAUTHENTICATED.
    expect(await walk(api)).toEqual(expected((m) => (roleOf(m) !== 'public' || m === 'auth.changePassword' ? 'UNAUTHENTICATED' : 'ok')));
  });
});
