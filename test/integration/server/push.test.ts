import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toInt } from '../../../server/storage/storage';
import { PushResponse } from '../../../shared/sync-protocol';
import type { Mutation } from '../../../shared/sync-protocol';
import { registerMutation, statusMutation, STORAGES, useServer } from './harness';

describe.each(STORAGES)('push on %s', (kind) => {
  const server = useServer(kind);

  async function countRows(table: 'applications' | 'application_status_history' | 'changes', id: string): Promise<number> {
    const column = table === 'application_status_history' ? 'application_id' : 'id';
    const [row] = await server.storage.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`, [id]);
    return toInt(row?.n);
  }

  it('applies a registration, and pull returns it with a cursor', async () => {
    const desk = await server.enrollDesk('C1');
    const before = await server.pull(desk, 0);
    const m = registerMutation();
    expect(await server.push(desk, [m])).toEqual([{ mutationId: m.mutationId, status: 'applied', version: 1 }]);
    const page = await server.pull(desk, before.cursor);
    expect(page.changes).toEqual([
      {
        seq: page.cursor,
        entity: 'application',
        id: m.payload.id,
        version: 1,
        data: expect.objectContaining({ status: 'registered', centerCode: 'C1', clerkId: desk.clerkId }),
      },
    ]);
    expect(page.cursor).toBeGreaterThan(before.cursor);
  });

  it('answers a repeated mutation with its stored result and no second effect', async () => {
    const desk = await server.enrollDesk('C1');
    const m = registerMutation();
    const id = String(m.payload.id);
    await server.push(desk, [m]);
    expect(await server.push(desk, [m])).toEqual([{ mutationId: m.mutationId, status: 'duplicate', version: 1 }]);
    expect(await countRows('applications', id)).toBe(1);
    expect(await countRows('changes', id)).toBe(1);
    expect(await countRows('application_status_history', id)).toBe(1);
  });

  it('rejects a mutation whose kind is a name every object has (constructor, __proto__, toString) cleanly, and applies the rest of the batch', async () => {
    const desk = await server.enrollDesk('C1');
    const odd = ['constructor', '__proto__', 'toString', 'hasOwnProperty'].map((kind) => ({ ...registerMutation(), kind }));
    const good = registerMutation();
    const results = await server.push(desk, [...odd, good]);
    expect(results.map((r) => [r.status, 'code' in r ? r.code : null])).toEqual([
      ...odd.map(() => ['rejected', 'unknown_kind']),
      ['applied', null],
    ]);
  });

  it('rejects a reused mutation id carrying another payload', async () => {
    const desk = await server.enrollDesk('C1');
    const m = registerMutation();
    await server.push(desk, [m]);
    const [result] = await server.push(desk, [{ ...m, payload: { ...m.payload, notes: 'changed' } }]);
    expect(result).toMatchObject({ mutationId: m.mutationId, status: 'rejected', code: 'mutation_id_reused' });
  });

  it('applies each mutation once when the same batch is pushed twice at once', async () => {
    const desk = await server.enrollDesk('C1');
    const register = registerMutation();
    const id = String(register.payload.id);
    const batch: Mutation[] = [register, statusMutation(id, 'registered', 'sent_to_provider', register)];
    const responses = await Promise.all([server.pushRaw(desk, batch), server.pushRaw(desk, batch)]);
    const results = await Promise.all(responses.map(async (res) => PushResponse.parse(await res.json()).results));
    for (const i of [0, 1]) {
      const statuses = results.map((r) => r[i]?.status).sort();
      expect(statuses).toEqual(['applied', 'duplicate']);
    }
    expect(await countRows('changes', id)).toBe(2);
    expect(await countRows('application_status_history', id)).toBe(2);
  });

  it('answers duplicate, never a false conflict, when a batch moving an existing record is pushed twice at once', async () => {
    const desk = await server.enrollDesk('C1');
    for (let round = 0; round < 5; round += 1) {
      const register = registerMutation();
      const id = String(register.payload.id);
      await server.push(desk, [register]);
      const batch = [statusMutation(id, 'registered', 'sent_to_provider', register)];
      const responses = await Promise.all([server.pushRaw(desk, batch), server.pushRaw(desk, batch)]);
      const results = await Promise.all(responses.map(async (res) => PushResponse.parse(await res.json()).results[0]?.status));
      expect(results.sort()).toEqual(['applied', 'duplicate']);
      expect(await countRows('application_status_history', id)).toBe(2);
    }
  });

  it('answers a mutation it cannot read on its own, in its place, and applies the rest of the batch', async () => {
    const desk = await server.enrollDesk('C1');
    const [before, after] = [registerMutation(), registerMutation()];
    const unreadable = { ...registerMutation(), aggregate: 'x'.repeat(250), kind: '' };
    const res = await server.pushRaw(desk, [before, unreadable, after]);
    expect(res.status).toBe(200);
    const { results } = PushResponse.parse(await res.json());
    expect(results.map((r) => [r.mutationId, r.status])).toEqual([
      [before.mutationId, 'applied'],
      [unreadable.mutationId, 'rejected'],
      [after.mutationId, 'applied'],
    ]);
    expect(results[1]).toMatchObject({ code: 'invalid_mutation', fieldErrors: [{ path: ['aggregate'] }, { path: ['kind'] }] });
    const noId = await server.pushRaw(desk, [{ ...unreadable, mutationId: undefined } as unknown as Mutation]);
    expect(noId.status).toBe(400);
  });

  it('asks to retry a mutation whose predecessor has not arrived, and applies it after', async () => {
    const desk = await server.enrollDesk('C1');
    const register = registerMutation();
    const id = String(register.payload.id);
    const next = statusMutation(id, 'registered', 'sent_to_provider', register);
    expect(await server.push(desk, [next])).toEqual([
      { mutationId: next.mutationId, status: 'retry_later', reason: 'predecessor_missing' },
    ]);
    const results = await server.push(desk, [register, next]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(results[1]).toMatchObject({ version: 2 });
  });

  it('rejects a status move the status machine forbids, with a code and field errors', async () => {
    const desk = await server.enrollDesk('C1');
    const register = registerMutation();
    const id = String(register.payload.id);
    const issue = statusMutation(id, 'registered', 'issued', register);
    const [, result] = await server.push(desk, [register, issue]);
    expect(result).toEqual({
      mutationId: issue.mutationId,
      status: 'rejected',
      code: 'transition_forbidden',
      message: expect.any(String),
      fieldErrors: [{ path: ['payload', 'to'], message: 'not allowed from registered' }],
    });
    // A refusal is the provider's decision now: the legacy status has no arrow into it.
    const refuse = statusMutation(id, 'registered', 'refused', register, 'Неповний пакет');
    expect((await server.push(desk, [refuse]))[0]).toMatchObject({ status: 'rejected', code: 'transition_forbidden' });
    const cancel = statusMutation(id, 'registered', 'registered_in_error', register);
    expect((await server.push(desk, [cancel]))[0]).toMatchObject({
      status: 'rejected',
      code: 'invalid_payload',
      fieldErrors: [{ path: ['payload', 'reason'] }],
    });
  });

  it('rejects a provider-side move a desk pushes: a desk account is clerk and supervisor', async () => {
    const desk = await server.enrollDesk('C1');
    const register = registerMutation();
    const id = String(register.payload.id);
    const send = statusMutation(id, 'registered', 'sent_to_provider', register);
    const decide = statusMutation(id, 'sent_to_provider', 'result_ready', send, null, { outcome: { kind: 'positive' } });
    const results = await server.push(desk, [register, send, decide]);
    expect(results[2]).toMatchObject({ status: 'rejected', code: 'role_forbidden', fieldErrors: [{ path: ['payload', 'to'] }] });
    expect(await server.pull(desk, 0)).toMatchObject({ changes: expect.arrayContaining([expect.objectContaining({ id, version: 2 })]) });
  });

  it('keeps what a move leaves on the record, for desks to pull: the withdrawal request, the receiver', async () => {
    const desk = await server.enrollDesk('C1');
    const register = registerMutation();
    const id = String(register.payload.id);
    const withdrawal = { requestNumber: '5', requestDate: '2026-11-03' };
    const withdraw = statusMutation(id, 'registered', 'withdrawn', register, null, { withdrawal, day: '2026-11-03' });
    const results = await server.push(desk, [register, withdraw]);
    expect(results[1]).toMatchObject({ status: 'applied', version: 2 });
    const changes = (await server.pull(desk, 0)).changes.filter((c) => c.id === id);
    expect(changes.at(-1)?.data).toMatchObject({ status: 'withdrawn', withdrawal });
  });

  it("keeps a desk out of another center's applications, and out of their changes", async () => {
    const deskA = await server.enrollDesk('CA');
    const deskB = await server.enrollDesk('CB');
    const cursorA = (await server.pull(deskA, 0)).cursor;
    const register = registerMutation();
    const id = String(register.payload.id);
    await server.push(deskB, [register]);
    const intrusion = statusMutation(id, 'registered', 'withdrawn', null, 'by phone');
    expect((await server.push(deskA, [intrusion]))[0]).toMatchObject({ status: 'rejected', code: 'wrong_center' });
    expect((await server.push(deskA, [{ ...register, mutationId: randomUUID() }]))[0]).toMatchObject({
      status: 'rejected',
      code: 'wrong_center',
    });
    expect((await server.pull(deskA, cursorA)).changes.filter((c) => c.id === id)).toEqual([]);
  });

  it('holds a document attach until the server has its file', async () => {
    const desk = await server.enrollDesk('C1');
    const register = registerMutation();
    const id = String(register.payload.id);
    const attach: Mutation = {
      ...statusMutation(id, 'registered', 'registered', register),
      kind: 'document.attach',
      payload: { id: randomUUID(), applicationId: id, kind: 'passport', pages: 2, blobSha256: 'a'.repeat(64) },
    };
    const [, result] = await server.push(desk, [register, attach]);
    expect(result).toEqual({ mutationId: attach.mutationId, status: 'retry_later', reason: 'blob_missing' });
  });
});
