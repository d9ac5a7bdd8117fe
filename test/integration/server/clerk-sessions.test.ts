import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClerkAccount, setDisabled } from '../../../server/clerks/accounts';
import { createEnrollmentCode } from '../../../server/auth/enrollment';
import { StatusHistory } from '../../../shared/domain/application-history';
import { PROTOCOL_VERSION, PushResponse } from '../../../shared/sync-protocol';
import type { Mutation } from '../../../shared/sync-protocol';
import { newDeskKey, signSession } from '../../helpers/desk-session';
import { registerMutation, signedBody, statusMutation, STORAGES, TEST_CLERK_NAME, useServer } from './harness';
import type { Desk, Harness } from './harness';

/** A push body as given, its results by status and code. */
async function answers(server: Harness, desk: Desk, body: unknown): Promise<string[]> {
  const res = await server.pushBody(desk, body);
  expect(res.status).toBe(200);
  return PushResponse.parse(await res.json()).results.map((r) => (r.status === 'rejected' ? `rejected:${r.code}` : r.status));
}

const asClerk = (m: Mutation, clerkId: string, sessionId: string): Mutation => ({ ...m, actor: clerkId, sessionId });

async function account(server: Harness, centerCode: string, login: string, desks: string[] | null = null): Promise<string> {
  return (
    await createClerkAccount(server.storage, {
      centerCode,
      login,
      fullName: `Клерк ${login}`,
      roles: ['clerk'],
      desks,
      password: 'temporary-1',
    })
  ).id;
}

describe.each(STORAGES)('who made a change, on %s', (kind) => {
  const server = useServer(kind);

  it("applies a signed-in clerk's mutation and records the account's name in the status history, whatever name the desk sent", async () => {
    const desk = await server.enrollDesk('S1');
    const base = registerMutation();
    const register = { ...base, payload: { ...base.payload, actorName: 'Хтось інший' } };
    const id = String(base.payload.id);
    const move = statusMutation(id, 'registered', 'sent_to_provider', register, null, { actorName: 'Хтось інший' });
    expect(await server.push(desk, [register, move])).toMatchObject([{ status: 'applied' }, { status: 'applied' }]);
    const [record] = await server.storage.query<{ data: { statusHistory: unknown } }>('SELECT data FROM applications WHERE id = $1', [id]);
    expect(StatusHistory.parse(record!.data.statusHistory).map((s) => [s.actorId, s.actorName])).toEqual([
      [desk.clerkId, TEST_CLERK_NAME],
      [desk.clerkId, TEST_CLERK_NAME],
    ]);
  });

  it('refuses each mutation without a verifiable session as not_signed_in, and applies the rest of the batch', async () => {
    const desk = await server.enrollDesk('S2');
    const good = signedBody(desk, [registerMutation()]).mutations[0]!;
    const noSession = { ...good, mutationId: randomUUID(), sessionId: undefined };
    const unknownSession = asClerk({ ...good, mutationId: randomUUID() }, desk.clerkId, randomUUID());
    const body = { protocol: PROTOCOL_VERSION, mutations: [noSession, unknownSession, good], sessions: [desk.session] };
    expect(await answers(server, desk, body)).toEqual(['rejected:not_signed_in', 'rejected:not_signed_in', 'applied']);
  });

  it('refuses a tampered signature and a session signed by another desk, and applies once the desk sends a good one', async () => {
    const desk = await server.enrollDesk('S3');
    const other = await server.enrollDesk('S3', 'D2');
    const m = registerMutation();
    const tampered = { ...desk.session, startedAt: '2020-01-01T00:00:00.000Z' };
    const signed = signedBody(desk, [m]);
    expect(await answers(server, desk, { ...signed, sessions: [tampered] })).toEqual(['rejected:not_signed_in']);
    // The other desk's key signed it for its own device id: not valid for this one.
    const foreign = signSession(other.key, desk.deviceId, desk.clerkId);
    expect(await answers(server, desk, signedBody({ ...desk, session: { ...foreign, signature: other.session.signature } }, [m]))).toEqual([
      'rejected:not_signed_in',
    ]);
    // A refusal for want of a session is not logged: the same mutation with a good one applies.
    expect(await answers(server, desk, signed)).toEqual(['applied']);
  });

  it('remembers a verified session: a later push may name it without sending it again', async () => {
    const desk = await server.enrollDesk('S4');
    expect(await server.push(desk, [registerMutation()])).toMatchObject([{ status: 'applied' }]);
    const later = signedBody(desk, [registerMutation()]);
    expect(await answers(server, desk, { ...later, sessions: [] })).toEqual(['applied']);
    const [stored] = await server.storage.query<{ clerk_id: string; device_id: string }>(
      'SELECT clerk_id, device_id FROM clerk_sessions WHERE id = $1',
      [desk.session.sessionId],
    );
    expect(stored).toEqual({ clerk_id: desk.clerkId, device_id: desk.deviceId });
  });

  it('refuses an actor other than the session’s clerk, and a clerk of another center, as unknown_clerk', async () => {
    const desk = await server.enrollDesk('S5');
    await server.enrollDesk('S6');
    const colleague = await account(server, 'S5', 'colleague');
    const stranger = await account(server, 'S6', 'stranger');
    const notTheActor = signedBody(desk, [asClerk(registerMutation(), colleague, desk.session.sessionId)]);
    expect(await answers(server, desk, notTheActor)).toEqual(['rejected:unknown_clerk']);
    const session = signSession(desk.key, desk.deviceId, stranger);
    const fromElsewhere = signedBody({ ...desk, clerkId: stranger, session }, [asClerk(registerMutation(), stranger, session.sessionId)]);
    expect(await answers(server, desk, fromElsewhere)).toEqual(['rejected:unknown_clerk']);
  });

  it('refuses a clerk not allowed at this desk as clerk_not_on_this_desk', async () => {
    const desk = await server.enrollDesk('S7', 'D1');
    const elsewhere = await account(server, 'S7', 'desk2only', ['D2']);
    const session = signSession(desk.key, desk.deviceId, elsewhere);
    const body = signedBody({ ...desk, clerkId: elsewhere, session }, [asClerk(registerMutation(), elsewhere, session.sessionId)]);
    expect(await answers(server, desk, body)).toEqual(['rejected:clerk_not_on_this_desk']);
  });

  it('refuses sessions started after the account was disabled, and keeps work from a session started before', async () => {
    const desk = await server.enrollDesk('S8');
    const leaver = await account(server, 'S8', 'leaver');
    const before = signSession(desk.key, desk.deviceId, leaver, '2020-01-01T08:00:00.000Z');
    await setDisabled(server.storage, { centerCode: 'S8', login: 'leaver' }, true);
    const after = signSession(desk.key, desk.deviceId, leaver, new Date(Date.now() + 60_000).toISOString());
    const early = signedBody({ ...desk, clerkId: leaver, session: before }, [asClerk(registerMutation(), leaver, before.sessionId)]);
    const late = signedBody({ ...desk, clerkId: leaver, session: after }, [asClerk(registerMutation(), leaver, after.sessionId)]);
    expect(await answers(server, desk, early)).toEqual(['applied']);
    expect(await answers(server, desk, late)).toEqual(['rejected:clerk_disabled']);
  });

  it('wants a key at enrollment (400 without one, nothing used up) and registers a key once (409 the second time)', async () => {
    const code = await createEnrollmentCode(server.storage, { centerCode: 'S9', deskCode: 'D1' });
    const enroll = (body: object) =>
      fetch(`${server.url}/enroll`, { method: 'POST', body: JSON.stringify({ code, deviceName: 'S9/D1', ...body }) });
    const missing = await enroll({});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: 'public_key_missing' } });
    const foreign = await enroll({ publicKey: Buffer.alloc(44, 1).toString('base64') });
    expect(await foreign.json()).toMatchObject({ error: { code: 'public_key_invalid' } });
    expect((await enroll({ publicKey: newDeskKey().publicKey })).status).toBe(200);

    const desk = await server.enrollDesk('S9', 'D2');
    await server.storage.query('UPDATE devices SET public_key = NULL WHERE id = $1', [desk.deviceId]);
    const register = (publicKey: string) =>
      fetch(`${server.url}/sync/desk-key`, { method: 'POST', headers: desk.headers, body: JSON.stringify({ publicKey }) });
    // Enrolled before keys existed: nothing it asserts verifies until it registers one.
    expect(await answers(server, desk, signedBody(desk, [registerMutation()]))).toEqual(['rejected:not_signed_in']);
    expect((await register(desk.key.publicKey)).status).toBe(200);
    expect(await answers(server, desk, signedBody(desk, [registerMutation()]))).toEqual(['applied']);
    const again = await register(newDeskKey().publicKey);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'desk_key_registered' } });
  });
});
