/**
 * A desk's push (server/sync/push.ts) on PGlite in memory, without HTTP: what each mutation of a batch
 * is answered, what the back office keeps, and that a batch sent again changes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { push } from '../../../../server/sync/push';
import type { Sql, Storage } from '../../../../server/storage/storage';
import { toInt } from '../../../../server/storage/storage';
import type { Mutation, MutationResult } from '../../../../shared/sync-protocol';
import { useRecords } from './apply/store-fixture';
import { enrolledDesk } from './push-desk';

const records = useRecords();
/** Real database work, dozens of transactions a test: well over the default 5 s when the shared machine is busy. */
const SLOW = { timeout: 30_000 };

async function count(table: 'changes' | 'mutation_log' | 'application_status_history'): Promise<number> {
  const [row] = await records.sql<{ n: unknown }>(`SELECT count(*) AS n FROM ${table}`);
  return toInt(row?.n);
}

async function logged(mutationId: string): Promise<unknown> {
  const [row] = await records.sql<{ result: unknown }>('SELECT result FROM mutation_log WHERE mutation_id = $1', [mutationId]);
  return row?.result;
}

const idOf = (m: Mutation) => String(m.payload.id);

describe('push', SLOW, () => {
  it('applies a batch in order, each mutation on what the ones before it left, and answers each by its id', async () => {
    const desk = await enrolledDesk(records);
    const register = desk.register();
    const id = idOf(register);
    const send = desk.mutation(
      register.aggregate,
      'application.status',
      { id, from: 'registered', to: 'sent_to_provider', reason: null, receivedBy: null, at: '2026-11-03T10:00:00.000Z' },
      { prevMutationId: register.mutationId },
    );
    const note = desk.update(id, { notes: 'Принесе довідку' }, null, send);
    expect(await push(records.storage, desk.device, [register, send, note])).toEqual([
      { mutationId: register.mutationId, status: 'applied', version: 1 },
      { mutationId: send.mutationId, status: 'applied', version: 2 },
      { mutationId: note.mutationId, status: 'applied', version: 3 },
    ]);
    expect(await records.stored('application', id)).toMatchObject({
      version: 3,
      versions: [1, 2, 3],
      data: { status: 'sent_to_provider', notes: 'Принесе довідку', clerkId: register.actor },
    });
    expect(await records.statusSteps(id)).toMatchObject([{ to: 'registered' }, { to: 'sent_to_provider' }]);
    expect(await logged(note.mutationId)).toEqual({ status: 'applied', version: 3 });
    const [row] = await records.sql<Record<string, unknown>>('SELECT * FROM mutation_log WHERE mutation_id = $1', [register.mutationId]);
    expect(row).toMatchObject({
      device_id: desk.device.id,
      aggregate: register.aggregate,
      kind: 'application.register',
      actor: register.actor,
    });
  });

  it('answers a batch sent again from what it answered the first time, and changes nothing', async () => {
    const desk = await enrolledDesk(records);
    // Per case: registered or not (then its edits are refused), moved or not, edited or not, a malformed edit or not.
    const cases = fc.array(fc.record({ registered: fc.boolean(), moved: fc.boolean(), edited: fc.boolean(), malformed: fc.boolean() }), {
      minLength: 1,
      maxLength: 4,
    });
    await fc.assert(
      fc.asyncProperty(cases, async (plan) => {
        const batch: Mutation[] = [];
        for (const step of plan) {
          const register = desk.register();
          const id = idOf(register);
          if (step.registered) batch.push(register);
          if (step.moved) {
            const move = { id, from: 'registered', to: 'sent_to_provider', reason: null, receivedBy: null, at: '2026-11-03T10:00:00.000Z' };
            batch.push(desk.mutation(register.aggregate, 'application.status', move));
          }
          if (step.edited) batch.push(desk.update(id, { notes: 'Телефонувати' }, 1));
          if (step.malformed) batch.push(desk.update(id, { notes: 42 }, 1));
        }
        if (batch.length === 0) return;
        const first = await push(records.storage, desk.device, batch);
        const before = {
          changes: await count('changes'),
          log: await count('mutation_log'),
          steps: await count('application_status_history'),
        };
        const again = await push(records.storage, desk.device, batch);
        expect(again).toEqual(
          first.map((r): MutationResult =>
            r.status === 'applied' ? { mutationId: r.mutationId, status: 'duplicate', version: r.version } : r,
          ),
        );
        expect(first.every((r) => r.status === 'applied' || r.status === 'rejected')).toBe(true);
        expect({
          changes: await count('changes'),
          log: await count('mutation_log'),
          steps: await count('application_status_history'),
        }).toEqual(before);
      }),
      { numRuns: 15 },
    );
  });

  it('refuses a mutation id used again for another mutation, and keeps the first', async () => {
    const desk = await enrolledDesk(records);
    const register = desk.register();
    await push(records.storage, desk.device, [register]);
    expect(await push(records.storage, desk.device, [{ ...register, payload: { ...register.payload, notes: 'інше' } }])).toEqual([
      {
        mutationId: register.mutationId,
        status: 'rejected',
        code: 'mutation_id_reused',
        message: 'This mutation id was already used for a different mutation',
        fieldErrors: [],
      },
    ]);
    expect(await records.stored('application', idOf(register))).toMatchObject({ version: 1, data: { notes: null } });
  });

  it('holds a mutation whose predecessor has not arrived, and applies it once the predecessor has', async () => {
    const desk = await enrolledDesk(records);
    const register = desk.register();
    const note = desk.update(idOf(register), { notes: 'Перша' }, null, register);
    expect(await push(records.storage, desk.device, [note])).toEqual([
      { mutationId: note.mutationId, status: 'retry_later', reason: 'predecessor_missing' },
    ]);
    expect(await logged(note.mutationId)).toBeUndefined();
    await push(records.storage, desk.device, [register]);
    expect(await push(records.storage, desk.device, [note])).toEqual([{ mutationId: note.mutationId, status: 'applied', version: 2 }]);
    expect(await records.stored('application', idOf(register))).toMatchObject({ data: { notes: 'Перша' } });
  });

  it('gives no base to an edit whose predecessor was refused', async () => {
    const desk = await enrolledDesk(records);
    const register = desk.register();
    await push(records.storage, desk.device, [register]);
    const refused = desk.update(idOf(register), { notes: 42 }, 1);
    const next = desk.update(idOf(register), { notes: 'Друга' }, null, refused);
    expect(await push(records.storage, desk.device, [refused, next])).toEqual([
      expect.objectContaining({ mutationId: refused.mutationId, status: 'rejected', code: 'invalid_payload' }),
      expect.objectContaining({ mutationId: next.mutationId, status: 'rejected', code: 'base_unknown' }),
    ]);
    expect(await records.stored('application', idOf(register))).toMatchObject({ version: 1 });
  });

  it('refuses a mutation of no verified session without logging it: sent again in a session, it applies', async () => {
    const desk = await enrolledDesk(records);
    const register = desk.register();
    const { sessionId, ...unsigned } = register;
    expect(await push(records.storage, desk.device, [unsigned])).toEqual([
      {
        mutationId: register.mutationId,
        status: 'rejected',
        code: 'not_signed_in',
        message: 'The mutation names no session: it was made by no signed-in clerk',
        fieldErrors: [],
      },
    ]);
    expect(await logged(register.mutationId)).toBeUndefined();
    expect(await push(records.storage, desk.device, [{ ...unsigned, sessionId }])).toEqual([
      { mutationId: register.mutationId, status: 'applied', version: 1 },
    ]);
  });

  it('refuses a kind it does not know, and remembers the answer', async () => {
    const desk = await enrolledDesk(records);
    const odd = desk.mutation('application:x', 'application.teleport', { id: 'x' });
    const [answer] = await push(records.storage, desk.device, [odd]);
    expect(answer).toMatchObject({ mutationId: odd.mutationId, status: 'rejected', code: 'unknown_kind' });
    expect(await logged(odd.mutationId)).toMatchObject({ status: 'rejected', code: 'unknown_kind' });
    expect(await push(records.storage, desk.device, [odd])).toEqual([answer]);
  });

  it('answers a conflict without logging it, so the desk may send the same mutation again', async () => {
    const desk = await enrolledDesk(records);
    const other = await enrolledDesk(records);
    const register = desk.register();
    const id = idOf(register);
    await push(records.storage, desk.device, [register]);
    await push(records.storage, other.device, [other.update(id, { notes: 'Інший стіл' }, 1)]);
    const mine = desk.update(id, { notes: 'Мій стіл' }, 1);
    const conflict = {
      mutationId: mine.mutationId,
      status: 'conflict',
      fields: ['notes'],
      version: 2,
      server: expect.objectContaining({ notes: 'Інший стіл' }),
    };
    expect(await push(records.storage, desk.device, [mine])).toEqual([conflict]);
    expect(await logged(mine.mutationId)).toBeUndefined();
    expect(await push(records.storage, desk.device, [mine])).toEqual([conflict]);
  });

  it('counts the desk’s own earlier edits on the same base as its own, logged before or earlier in the batch', async () => {
    const desk = await enrolledDesk(records);
    const other = await enrolledDesk(records);
    const register = desk.register();
    const id = idOf(register);
    await push(records.storage, desk.device, [register]);
    const first = desk.update(id, { notes: 'Перша' }, 1, register);
    await push(records.storage, desk.device, [first]);
    await push(records.storage, other.device, [other.update(id, { resultDelivery: 'post' }, 2)]);
    // The desk edited the notes again offline, still on version 1: the first note is its own, not a concurrent change.
    const second = desk.update(id, { notes: 'Друга' }, 1, first);
    const third = desk.update(id, { notes: 'Третя' }, 1, second);
    expect(await push(records.storage, desk.device, [second, third])).toEqual([
      { mutationId: second.mutationId, status: 'applied', version: 4 },
      { mutationId: third.mutationId, status: 'applied', version: 5 },
    ]);
    expect(await records.stored('application', id)).toMatchObject({ data: { notes: 'Третя', resultDelivery: 'post' } });
    // Another desk's edits on that base are not its own.
    const late = other.update(id, { notes: 'Четверта' }, 1);
    expect(await push(records.storage, other.device, [late])).toMatchObject([{ status: 'conflict', fields: ['notes'] }]);
  });

  it('applies a document once its file is stored, reading the file and the edit’s base with the batch', async () => {
    const desk = await enrolledDesk(records);
    const register = desk.register();
    const id = idOf(register);
    await push(records.storage, desk.device, [register]);
    const sha = createHash('sha256').update(randomUUID()).digest('hex');
    await records.sql('INSERT INTO blobs (sha256, size) VALUES ($1, 1)', [sha]);
    await records.sql('INSERT INTO blob_centers (sha256, center_code) VALUES ($1, $2)', [sha, 'C1']);
    const attach = desk.mutation(register.aggregate, 'document.attach', {
      id: 'doc-1',
      applicationId: id,
      kind: 'passport',
      pages: 1,
      blobSha256: sha,
    });
    const note = desk.update(id, { notes: 'Скан є' }, 1);
    expect(await push(records.storage, desk.device, [attach, note])).toEqual([
      { mutationId: attach.mutationId, status: 'applied', version: 2 },
      { mutationId: note.mutationId, status: 'applied', version: 3 },
    ]);
  });

  it('refuses a second registration of a number in one batch', async () => {
    const desk = await enrolledDesk(records);
    const first = desk.register();
    const regNumber = String(first.payload.regNumber);
    const second = desk.register();
    second.payload.regNumber = regNumber;
    expect(await push(records.storage, desk.device, [first, second])).toEqual([
      { mutationId: first.mutationId, status: 'applied', version: 1 },
      expect.objectContaining({ mutationId: second.mutationId, status: 'rejected', code: 'reg_number_taken' }),
    ]);
    expect(await records.stored('application', idOf(second))).toBeNull();
  });

  it('loses the whole batch, never part of it, when applying one of its mutations fails', async () => {
    const desk = await enrolledDesk(records);
    const broken = randomUUID();
    await records.history('application', broken, { 1: { id: broken, status: 'registered', statusHistory: 'damaged' } });
    const register = desk.register();
    const move = desk.mutation(`application:${broken}`, 'application.status', {
      id: broken,
      from: 'registered',
      to: 'sent_to_provider',
      reason: null,
      receivedBy: null,
      at: '2026-11-03T10:00:00.000Z',
    });
    const before = await count('changes');
    await expect(push(records.storage, desk.device, [register, move])).rejects.toThrow();
    expect(await records.stored('application', idOf(register))).toBeNull();
    expect(await logged(register.mutationId)).toBeUndefined();
    expect(await count('changes')).toBe(before);
  });
});

/** A storage whose first `races` transactions fail as if another writer won (a stand-in for a race PGlite's one connection cannot have). */
function racing(storage: Storage, races: number, code = '23505'): Storage & { attempts: number } {
  const raced = {
    ...storage,
    attempts: 0,
    transaction: <T>(fn: (tx: Sql) => Promise<T>): Promise<T> => {
      raced.attempts += 1;
      if (raced.attempts <= races)
        return Promise.reject(Object.assign(new Error('duplicate key value violates unique constraint'), { code }));
      return storage.transaction(fn);
    },
  };
  return raced;
}

describe('push after a lost race', SLOW, () => {
  it('runs the batch again, up to three times in all', async () => {
    const desk = await enrolledDesk(records);
    const register = desk.register();
    const twice = racing(records.storage, 2);
    expect(await push(twice, desk.device, [register])).toEqual([{ mutationId: register.mutationId, status: 'applied', version: 1 }]);
    expect(twice.attempts).toBe(3);
    const thrice = racing(records.storage, 3, '40P01');
    await expect(push(thrice, desk.device, [desk.register()])).rejects.toMatchObject({ code: '40P01' });
    expect(thrice.attempts).toBe(3);
  });

  it('does not run it again for a fault that is no race', async () => {
    const desk = await enrolledDesk(records);
    const failing = racing(records.storage, 1, '53100');
    await expect(push(failing, desk.device, [desk.register()])).rejects.toMatchObject({ code: '53100' });
    expect(failing.attempts).toBe(1);
  });
});
