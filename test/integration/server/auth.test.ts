import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { createEnrollmentCode } from '../../../server/auth/enrollment';
import { revokeDevice } from '../../../server/auth/devices';
import { Health } from '../../../shared/sync-protocol';
import { registerMutation, STORAGES, syncHeaders, useServer } from './harness';
import { newDeskKey } from '../../helpers/desk-session';

describe.each(STORAGES)('health, enrollment and auth on %s', (kind) => {
  const server = useServer(kind);

  it('answers /health with the storage and the package version', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(Health.parse(await res.json())).toEqual({ status: 'ok', storage: kind, version: packageJson.version });
  });

  it('exchanges an enrollment code once', async () => {
    const code = await createEnrollmentCode(server.storage, { centerCode: 'C1', deskCode: 'D7' });
    const enroll = () =>
      fetch(`${server.url}/enroll`, {
        method: 'POST',
        body: JSON.stringify({ code, deviceName: 'Desk 7', publicKey: newDeskKey().publicKey }),
      });
    const first = await enroll();
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ centerCode: 'C1', deskCode: 'D7', deviceToken: expect.any(String) });
    const again = await enroll();
    expect(again.status).toBe(401);
    expect(await again.json()).toEqual({ error: { code: 'enrollment_code_used', message: expect.any(String) } });
  });

  it('refuses an unknown token and a revoked one with 401', async () => {
    const unknown = await fetch(`${server.url}/sync/pull?cursor=0`, { headers: syncHeaders('not-a-token') });
    expect(unknown.status).toBe(401);
    const desk = await server.enrollDesk('C1');
    expect((await server.pull(desk, 0)).cursor).toBeGreaterThanOrEqual(0);
    expect(await revokeDevice(server.storage, desk.deviceId)).toBe(true);
    const revoked = await server.pushRaw(desk, [registerMutation()]);
    expect(revoked.status).toBe(401);
    expect((await fetch(`${server.url}/sync/pull?cursor=0`, { headers: desk.headers })).status).toBe(401);
  });

  it('answers a desk route 401 before any other check: no credentials, no protocol header, no body', async () => {
    for (const [path, method] of [
      ['/sync/push', 'POST'],
      ['/sync/pull?cursor=0', 'GET'],
    ] as const) {
      const res = await fetch(`${server.url}${path}`, { method, ...(method === 'POST' ? { body: '{' } : {}) });
      expect({ path, status: res.status, body: await res.json() }).toEqual({
        path,
        status: 401,
        body: { error: { code: 'unauthorized', message: expect.any(String) } },
      });
    }
  });

  it('wants the acting clerk on every sync request', async () => {
    const desk = await server.enrollDesk('C1');
    const { 'x-vikno-actor': _actor, ...headers } = desk.headers;
    const res = await fetch(`${server.url}/sync/pull?cursor=0`, { headers });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'actor_missing' } });
  });

  it('answers 426 to a desk below the minimum protocol', async () => {
    const desk = await server.enrollDesk('C1');
    const res = await fetch(`${server.url}/sync/pull?cursor=0`, { headers: syncHeaders(desk.token, 0) });
    expect(res.status).toBe(426);
    expect(await res.json()).toMatchObject({ error: { code: 'protocol_too_old' } });
  });

  it('refuses an oversized body with 413 and malformed JSON with 400', async () => {
    const desk = await server.enrollDesk('C1');
    const huge = await fetch(`${server.url}/sync/push`, { method: 'POST', headers: desk.headers, body: 'x'.repeat(5 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    const malformed = await fetch(`${server.url}/sync/push`, {
      method: 'POST',
      headers: desk.headers,
      body: '{"protocol": 1, "mutations": [',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { code: 'malformed_json', message: expect.stringContaining('not valid JSON') } });
    const invalid = await fetch(`${server.url}/sync/push`, {
      method: 'POST',
      headers: desk.headers,
      body: JSON.stringify({ protocol: 1, mutations: [] }),
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: 'invalid_body', message: expect.stringContaining('mutations') } });
  });
});
