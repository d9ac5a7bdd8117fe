/** What the back office records of each desk's requests for the `devices` command: its last visit, to the minute, and its app version. */
import { describe, expect, it } from 'vitest';
import { listDevices } from '../../../server/auth/devices';
import { HEADER_APP_VERSION } from '../../../shared/sync-protocol';
import { STORAGES, useServer } from './harness';
import type { Desk } from './harness';

describe.each(STORAGES)('desk visits on %s', (kind) => {
  const server = useServer(kind);

  const pull = async (desk: Desk, version: string | null) => {
    const headers = version === null ? desk.headers : { ...desk.headers, [HEADER_APP_VERSION]: version };
    expect((await fetch(`${server.url}/sync/pull?cursor=0`, { headers })).status).toBe(200);
  };
  const seen = async (desk: Desk) => (await listDevices(server.storage, 'V1')).find((d) => d.id === desk.deviceId)!;

  it('records the version a desk names and its visit, rewriting the visit at most once a minute unless the version changes', async () => {
    const desk = await server.enrollDesk('V1');
    await pull(desk, '1.0.0');
    const first = await seen(desk);
    expect(first).toMatchObject({ appVersion: '1.0.0', lastSeenAt: expect.any(String), revokedAt: null });

    // Within the minute, the same version: no write.
    await pull(desk, '1.0.0');
    expect((await seen(desk)).lastSeenAt).toBe(first.lastSeenAt);
    // An update: written at once. No header, or one that is no version: the version stays.
    await pull(desk, '1.1.0');
    expect((await seen(desk)).appVersion).toBe('1.1.0');
    await pull(desk, null);
    await pull(desk, 'x'.repeat(41));
    expect((await seen(desk)).appVersion).toBe('1.1.0');

    // A visit older than a minute is rewritten, without a header too (the version it named before stays).
    await server.storage.query("UPDATE devices SET last_seen_at = now() - interval '2 minutes' WHERE id = $1", [desk.deviceId]);
    const stale = (await seen(desk)).lastSeenAt!;
    await pull(desk, null);
    const rewritten = await seen(desk);
    expect(Date.parse(rewritten.lastSeenAt!)).toBeGreaterThan(Date.parse(stale));
    expect(rewritten.appVersion).toBe('1.1.0');
  });
});
