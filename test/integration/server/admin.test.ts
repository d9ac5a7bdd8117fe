import { QueueHub } from '../../../server/queue/hub';
import { describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { AdminEnrollResponse } from '../../../server/admin/admin-protocol';
import { buildServer } from '../../../server/http/server';
import { ErrorResponse, EnrollResponse } from '../../../shared/sync-protocol';
import { syncHeaders, STORAGES, useServer } from './harness';
import { newDeskKey } from '../../helpers/desk-session';

describe.each(STORAGES)('admin routes on %s', (kind) => {
  const server = useServer(kind);

  const post = (path: string, body: unknown, token: string | null = server.adminToken) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });

  it('issues an enrollment code a desk then exchanges, and revokes that desk', async () => {
    const res = await post('/admin/enrollment-codes', { centerCode: 'KV02', deskCode: '05' });
    expect(res.status).toBe(200);
    const issued = AdminEnrollResponse.parse(await res.json());
    expect(issued).toMatchObject({ centerCode: 'KV02', deskCode: '05', validHours: 24 });
    const enrolled = await fetch(`${server.url}/enroll`, {
      method: 'POST',
      body: JSON.stringify({ code: issued.code, deviceName: 'KV02/05', publicKey: newDeskKey().publicKey }),
    });
    const desk = EnrollResponse.parse(await enrolled.json());
    expect(desk).toMatchObject({ centerCode: 'KV02', deskCode: '05' });

    expect(await (await post('/admin/devices/revoke', { deviceId: desk.deviceId })).json()).toEqual({
      deviceId: desk.deviceId,
      revoked: true,
    });
    expect((await fetch(`${server.url}/sync/pull?cursor=0`, { headers: syncHeaders(desk.deviceToken) })).status).toBe(401);
    expect(await (await post('/admin/devices/revoke', { deviceId: desk.deviceId })).json()).toEqual({
      deviceId: desk.deviceId,
      revoked: false,
    });
  });

  it('answers 401 without the admin token or with a desk’s, and 400 naming a bad field', async () => {
    for (const token of [null, 'x'.repeat(43), server.adminToken.slice(1)]) {
      const res = await post('/admin/enrollment-codes', { centerCode: 'KV02', deskCode: '05' }, token);
      expect(res.status).toBe(401);
      expect(ErrorResponse.parse(await res.json()).error.code).toBe('admin_token_invalid');
    }
    const bad = await post('/admin/enrollment-codes', { centerCode: 'KV 02', deskCode: '05' });
    expect(bad.status).toBe(400);
    expect(ErrorResponse.parse(await bad.json()).error.message).toMatch(/centerCode: use 1–8 capital Latin letters or digits/);
  });

  it('is off (403) on a server started without an admin token', async () => {
    const http = await buildServer({
      storage: server.storage,
      blobs: { dir: server.blobDir, maxBytes: 1024 },
      adminToken: null,
      statistics: null,
      now: () => new Date(),
      pagesDir: null,
      queueHub: new QueueHub(),
    });
    await http.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = http.server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/admin/enrollment-codes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}` },
        body: JSON.stringify({ centerCode: 'KV02', deskCode: '05' }),
      });
      expect(res.status).toBe(403);
      expect(ErrorResponse.parse(await res.json()).error.code).toBe('admin_disabled');
    } finally {
      await http.close();
    }
  });
});
