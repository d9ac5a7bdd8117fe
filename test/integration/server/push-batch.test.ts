/** Push applies a batch set-wise (server/sync/entity-store.ts): what one batch sees of its own writes, and what it leaves behind. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EntityStore } from '../../../server/sync/entity-store';
import { toInt } from '../../../server/storage/storage';
import type { Mutation } from '../../../shared/sync-protocol';
import { registerMutation, statusMutation, STORAGES, useServer } from './harness';
import { applicantRow } from '../../helpers/applicant-row';

describe.each(STORAGES)('a push batch on %s', (kind) => {
  const server = useServer(kind);

  async function count(sql: string, id: string): Promise<number> {
    const [row] = await server.storage.query<{ n: unknown }>(sql, [id]);
    return toInt(row?.n);
  }

  it('builds on its own earlier writes, and pull hands out every version in order', async () => {
    const desk = await server.enrollDesk('C1');
    const cursor = (await server.pull(desk, 0)).cursor;
    const register = registerMutation();
    const id = String(register.payload.id);
    const send = statusMutation(id, 'registered', 'sent_to_provider', register);
    // No baseVersion: the merge base is the version its predecessor produced in this very batch.
    const edit: Mutation = {
      ...statusMutation(id, 'x', 'y', send),
      kind: 'application.update',
      payload: { id, notes: 'Принесе довідку завтра' },
    };
    const ready = statusMutation(id, 'sent_to_provider', 'withdrawn', edit, null, {
      withdrawal: { requestNumber: '7', requestDate: '2026-11-03' },
    });
    const results = await server.push(desk, [register, send, edit, ready]);
    expect(results.map((r) => (r.status === 'applied' ? r.version : r.status))).toEqual([1, 2, 3, 4]);
    const changes = (await server.pull(desk, cursor)).changes.filter((c) => c.id === id);
    expect(changes.map((c) => c.version)).toEqual([1, 2, 3, 4]);
    expect(changes.at(-1)?.data).toMatchObject({ status: 'withdrawn', notes: 'Принесе довідку завтра' });
    expect(await count('SELECT version AS n FROM applications WHERE id = $1', id)).toBe(4);
    expect(await count('SELECT count(*) AS n FROM application_status_history WHERE application_id = $1', id)).toBe(3);
  });

  it('answers a mutation id repeated inside one batch as a duplicate, with one effect', async () => {
    const desk = await server.enrollDesk('C1');
    const register = registerMutation();
    const id = String(register.payload.id);
    expect(await server.push(desk, [register, register])).toEqual([
      { mutationId: register.mutationId, status: 'applied', version: 1 },
      { mutationId: register.mutationId, status: 'duplicate', version: 1 },
    ]);
    expect(await count('SELECT count(*) AS n FROM changes WHERE id = $1', id)).toBe(1);
  });

  it('lets a refused mutation mid-batch write nothing while the ones around it apply', async () => {
    const desk = await server.enrollDesk('C1');
    const register = registerMutation();
    const id = String(register.payload.id);
    const forbidden = statusMutation(id, 'registered', 'issued', register);
    const clash = statusMutation(id, 'sent_to_provider', 'result_ready', register);
    const send = statusMutation(id, 'registered', 'sent_to_provider', register);
    const results = await server.push(desk, [register, forbidden, clash, send]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'conflict', 'applied']);
    expect(results[3]).toMatchObject({ version: 2 });
    // The conflict is not logged: the same id may come again once the desk has rebased it.
    expect(await count('SELECT count(*) AS n FROM mutation_log WHERE mutation_id = $1', clash.mutationId)).toBe(0);
    expect(await count('SELECT count(*) AS n FROM mutation_log WHERE mutation_id = $1', forbidden.mutationId)).toBe(1);
    expect(await count('SELECT count(*) AS n FROM entity_versions WHERE id = $1', id)).toBe(2);
  });

  it('lets one of two desks creating the same record at once win; the other is told it exists', async () => {
    const [deskA, deskB] = [await server.enrollDesk('C1', 'D1'), await server.enrollDesk('C1', 'D2')];
    const id = randomUUID();
    const create = (): Mutation => ({
      ...registerMutation(),
      aggregate: `applicant:${id}`,
      kind: 'applicant.create',
      payload: applicantRow(id),
    });
    const [a, b] = await Promise.all([server.push(deskA, [create()]), server.push(deskB, [create()])]);
    expect([a[0]?.status, b[0]?.status].sort()).toEqual(['applied', 'rejected']);
    expect([a[0], b[0]].find((r) => r?.status === 'rejected')).toMatchObject({ code: 'already_exists' });
    expect(await count('SELECT count(*) AS n FROM entity_versions WHERE id = $1', id)).toBe(1);
  });

  it('forgets staged writes it was told to drop', async () => {
    const id = randomUUID();
    await server.storage.transaction(async (tx) => {
      const store = new EntityStore(tx);
      store.save('applicant', { id, centerCode: 'C1', version: 1, data: { id } });
      expect(await store.load('applicant', id)).toMatchObject({ version: 1 });
      store.dropStaged();
      expect(await store.load('applicant', id)).toBeNull();
      await store.flush();
    });
    expect(await count('SELECT count(*) AS n FROM applicants WHERE id = $1', id)).toBe(0);
    expect(await count('SELECT count(*) AS n FROM changes WHERE id = $1', id)).toBe(0);
  });
});
