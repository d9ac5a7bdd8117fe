/**
 * The audit chain reaches the back office (docs/SYNC.md, "The audit trail"): a real desk and a
 * real back office on PGlite. Entries arrive in order and equal the desk's, views (which push
 * nothing) follow within a cycle, a resend changes nothing, and a batch that does not continue the
 * device's chain is refused with nothing stored.
 */
import { describe, expect, it } from 'vitest';
import type { UploadedAuditEntry } from '../../../shared/audit-upload';
import type { AuditRow } from '../../../main/backend/audit/audit-log';
import { HEADER_PROTOCOL } from '../../../shared/sync-protocol';
import { useServer } from '../server/harness';
import type { Desk, Harness } from '../server/harness';
import { readDb, useSyncWorld, value, writeDb } from './desk-harness';
import type { TestDesk } from './desk-harness';

function deskChain(desk: TestDesk): UploadedAuditEntry[] {
  return readDb(desk, (db) => db.prepare('SELECT * FROM audit_events ORDER BY seq').all() as AuditRow[]).map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

const deviceOf = (desk: TestDesk) =>
  readDb(desk, (db) => db.prepare("SELECT value FROM sync_state WHERE key = 'device_id'").pluck().get() as string);

async function serverChain(harness: Harness, deviceId: string): Promise<UploadedAuditEntry[]> {
  const rows = await harness.storage.query<{
    seq: number;
    at: string;
    actor: string;
    action: string;
    entity: string;
    entity_id: string;
    details: string;
    prev_hash: string;
    hash: string;
  }>('SELECT seq, at, actor, action, entity, entity_id, details, prev_hash, hash FROM audit_entries WHERE device_id = $1 ORDER BY seq', [
    deviceId,
  ]);
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

function postAudit(harness: Harness, desk: Desk, entries: readonly UploadedAuditEntry[]): Promise<Response> {
  return fetch(`${harness.url}/sync/audit`, {
    method: 'POST',
    headers: { ...desk.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ entries }),
  });
}

/** A chain of `n` linked entries as a desk would send them (hashes need only link here: the server checks links). */
function fakeChain(n: number, from = { seq: 0, hash: '0'.repeat(64) }): UploadedAuditEntry[] {
  const out: UploadedAuditEntry[] = [];
  let prev = from.hash;
  for (let i = 1; i <= n; i++) {
    const seq = from.seq + i;
    const hash = (seq.toString(16) + 'a'.repeat(64)).slice(0, 64);
    out.push({
      seq,
      at: '2026-12-01T08:00:00.000Z',
      actor: 'c1',
      action: 'applicant.view',
      entity: 'applicant',
      entityId: 'p1',
      details: '{}',
      prevHash: prev,
      hash,
    });
    prev = hash;
  }
  return out;
}

describe('the audit chain sent to a PGlite back office', () => {
  const harness = useServer('pglite');
  const world = useSyncWorld(harness);

  it('arrives in order, as the desk holds it; views follow at the next cycle; a resend after a lost marker changes nothing', async () => {
    const desk = world.openDesk();
    await desk.enroll();
    const app = await desk.register();
    await desk.syncNow();
    const deviceId = deviceOf(desk);
    const sent = await serverChain(harness, deviceId);
    expect(sent.map((e) => e.action)).toContain('application.register');
    expect(sent).toEqual(deskChain(desk));

    // A read pushes no mutation, yet its entry reaches the back office with the next cycle.
    await value(desk.api.call('applications.get', { id: app.id }));
    await desk.syncNow();
    const after = await serverChain(harness, deviceId);
    expect(after.at(-1)).toMatchObject({ action: 'application.view', entityId: app.id });
    expect(after).toEqual(deskChain(desk));

    // The desk forgets how far the back office got (an answer lost): it sends everything again, harmlessly.
    await desk.close();
    writeDb(desk.dbFile, (db) => db.prepare("DELETE FROM sync_state WHERE key = 'audit_uploaded'").run());
    const again = world.openDesk(desk.deskCode, { dataDir: desk.dataDir });
    await again.syncNow();
    expect(await serverChain(harness, deviceId)).toEqual(deskChain(again));
    expect(again.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    expect(readDb(again, (db) => db.prepare("SELECT value FROM sync_state WHERE key = 'audit_uploaded'").pluck().get())).toBe(
      `${deviceId}:${deskChain(again).length}`,
    );
  });

  it('a desk enrolled again is a new device: it sends its whole chain from entry 1 under that device', async () => {
    const desk = world.openDesk();
    await desk.enroll();
    await desk.register();
    await desk.syncNow();
    const first = deviceOf(desk);
    await desk.enroll();
    const second = deviceOf(desk);
    expect(second).not.toBe(first);
    await desk.syncNow();
    const copy = await serverChain(harness, second);
    expect(copy[0]).toMatchObject({ seq: 1, prevHash: '0'.repeat(64) });
    expect(copy).toEqual(deskChain(desk));
  });

  it('a batch that skips entries, does not link to the held chain, or rewrites a held entry is refused, storing nothing', async () => {
    const device = await harness.enrollDesk('KV01', '91');
    const first = fakeChain(3);
    expect((await postAudit(harness, device, first)).status).toBe(200);
    const resend = await postAudit(harness, device, first);
    expect(resend.status).toBe(200);
    expect(await resend.json()).toMatchObject({ storedUpTo: 3 });

    const next = fakeChain(2, { seq: 3, hash: first[2]!.hash });
    const refusals = [
      // Entry 4 missing.
      next.slice(1),
      // Entry 4 names another previous hash.
      [{ ...next[0]!, prevHash: 'f'.repeat(64) }, next[1]!],
      // Entry 3 again, but not the one sent before; entry 4 after it would be fine.
      [{ ...first[2]!, hash: 'e'.repeat(64) }, next[0]!],
    ];
    for (const batch of refusals) {
      const res = await postAudit(harness, device, batch);
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ error: { code: 'audit_chain_broken' } });
    }
    expect((await serverChain(harness, device.deviceId)).map((e) => e.seq)).toEqual([1, 2, 3]);

    // A batch overlapping what is held, then continuing it, is taken.
    const overlap = await postAudit(harness, device, [first[2]!, ...next]);
    expect(await overlap.json()).toMatchObject({ storedUpTo: 5 });
    expect((await serverChain(harness, device.deviceId)).map((e) => e.hash)).toEqual([...first, ...next].map((e) => e.hash));
  });

  it('without the device token, or with an unreadable batch, the answer is 401 or 400', async () => {
    const device = await harness.enrollDesk('KV01', '92');
    const anonymous = await fetch(`${harness.url}/sync/audit`, {
      method: 'POST',
      headers: { [HEADER_PROTOCOL]: '2', 'content-type': 'application/json' },
      body: JSON.stringify({ entries: fakeChain(1) }),
    });
    expect(anonymous.status).toBe(401);
    const bad = await postAudit(harness, device, [{ ...fakeChain(1)[0]!, hash: 'not a hash' }]);
    expect(bad.status).toBe(400);
    expect(await serverChain(harness, device.deviceId)).toEqual([]);
  });

  it('a desk whose chain the back office’s copy does not match is refused: it logs the error and sends nothing more', async () => {
    const desk = world.openDesk();
    await desk.enroll();
    await desk.register();
    await desk.syncNow();
    const deviceId = deviceOf(desk);
    const held = (await serverChain(harness, deviceId)).length;
    // The copy's newest entry is not what the desk holds (a copy damaged, or a desk restored from an older backup).
    await harness.storage.query('UPDATE audit_entries SET hash = $1 WHERE device_id = $2 AND seq = $3', ['d'.repeat(64), deviceId, held]);
    await desk.register();
    await desk.syncNow();
    expect((await serverChain(harness, deviceId)).length).toBe(held);
    expect(desk.logger.entries).toContainEqual(
      expect.objectContaining({ level: 'error', message: expect.stringContaining('refused this desk’s audit entries') }),
    );
    expect(readDb(desk, (db) => db.prepare("SELECT value FROM sync_state WHERE key = 'audit_uploaded'").pluck().get())).toBe(
      `${deviceId}:${held}`,
    );
  });
});
