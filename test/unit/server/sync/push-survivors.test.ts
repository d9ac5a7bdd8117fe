/**
 * What the mutation run of server/sync/push.ts left unguarded: that a batch reads what it needs in
 * a fixed number of statements however many mutations it holds, which own versions an edit on top
 * of the desk's earlier edits counts as its own, and the exact answer to a mutation no policy takes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { push } from '../../../../server/sync/push';
import type { Sql, Storage } from '../../../../server/storage/storage';
import type { Mutation } from '../../../../shared/sync-protocol';
import { useRecords } from './apply/store-fixture';
import { enrolledDesk } from './push-desk';
import type { TestDesk } from './push-desk';

const records = useRecords();
/** Real database work, several transactions a test: well over the default 5 s when the shared machine is busy. */
const SLOW = { timeout: 30_000 };

const idOf = (m: Mutation) => String(m.payload.id);

/** The storage with every statement its transactions run counted: the real PGlite underneath, only counted. */
function counted(storage: Storage): { storage: Storage; statements: () => number } {
  let statements = 0;
  const countingTx = (tx: Sql): Sql => ({
    query: (sql, params) => {
      statements += 1;
      return tx.query(sql, params);
    },
    exec: (sql) => tx.exec(sql),
  });
  const wrapped = new Proxy(storage, {
    get(target, prop) {
      if (prop === 'transaction') return <T>(fn: (tx: Sql) => Promise<T>) => target.transaction((tx) => fn(countingTx(tx)));
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { storage: wrapped, statements: () => statements };
}

async function storedFile(centerCode: string): Promise<string> {
  const sha = createHash('sha256').update(randomUUID()).digest('hex');
  await records.sql('INSERT INTO blobs (sha256, size) VALUES ($1, 1)', [sha]);
  await records.sql('INSERT INTO blob_centers (sha256, center_code) VALUES ($1, $2)', [sha, centerCode]);
  return sha;
}

/**
 * `size` applications registered earlier, then one batch: for each, a new registration, a document
 * whose file is stored and an edit naming version 1. Returns how many statements that batch ran.
 */
async function batchStatements(desk: TestDesk, size: number): Promise<number> {
  const batch: Mutation[] = [];
  for (let n = 0; n < size; n += 1) {
    const register = desk.register();
    const id = idOf(register);
    expect(await push(records.storage, desk.device, [register])).toMatchObject([{ status: 'applied' }]);
    const attach = desk.mutation(register.aggregate, 'document.attach', {
      id: `doc-${n}`,
      applicationId: id,
      kind: 'passport',
      pages: 1,
      blobSha256: await storedFile(desk.device.centerCode),
    });
    batch.push(desk.register(), attach, desk.update(id, { notes: `Примітка ${n}` }, 1));
  }
  const { storage, statements } = counted(records.storage);
  const results = await push(storage, desk.device, batch);
  expect(results.map((r) => r.status)).toEqual(batch.map(() => 'applied'));
  return statements();
}

describe('push, what the mutation run left unguarded', SLOW, () => {
  it('reads a batch’s records, base versions, files and registration numbers in as many statements for four mutations of each as for one', async () => {
    const desk = await enrolledDesk(records);
    const one = await batchStatements(desk, 1);
    expect(await batchStatements(desk, 4)).toBe(one);
  });

  it('answers a mutation no policy takes with a rejection that names no field', async () => {
    const desk = await enrolledDesk(records);
    const register = desk.register();
    const unknown = desk.mutation(register.aggregate, 'application.teleport', { id: idOf(register) });
    expect(await push(records.storage, desk.device, [unknown])).toEqual([
      { mutationId: unknown.mutationId, status: 'rejected', code: 'unknown_kind', message: expect.any(String), fieldErrors: [] },
    ]);
  });

  it('counts as its own edits only the versions of the record it edits, not those another record got in the batch', async () => {
    const desk = await enrolledDesk(records);
    const other = await enrolledDesk(records);
    const register = desk.register();
    const id = idOf(register);
    await push(records.storage, desk.device, [register]);
    // Another desk edits the notes first: a concurrent change, version 2.
    expect(await push(records.storage, other.device, [other.update(id, { notes: 'Від іншого вікна' }, 1)])).toMatchObject([
      { status: 'applied', version: 2 },
    ]);
    // This desk's batch brings another record to version 2, then edits the record twice on version 1.
    const second = desk.register();
    const secondEdit = desk.update(idOf(second), { notes: 'Інша заява' }, 1, second);
    const due = desk.update(id, { dueDate: '2026-11-25' }, 1);
    const notes = desk.update(id, { notes: 'Моя примітка' }, 1, due);
    expect(await push(records.storage, desk.device, [second, secondEdit, due, notes])).toEqual([
      { mutationId: second.mutationId, status: 'applied', version: 1 },
      { mutationId: secondEdit.mutationId, status: 'applied', version: 2 },
      { mutationId: due.mutationId, status: 'applied', version: 3 },
      {
        mutationId: notes.mutationId,
        status: 'conflict',
        fields: ['notes'],
        server: expect.objectContaining({ notes: 'Від іншого вікна', dueDate: '2026-11-25' }),
        version: 3,
      },
    ]);
    expect(await records.stored('application', id)).toMatchObject({ version: 3, data: { notes: 'Від іншого вікна' } });
  });

  it('takes none of the desk’s own edits into an edit whose predecessor was refused', async () => {
    const desk = await enrolledDesk(records);
    const register = desk.register();
    const id = idOf(register);
    await push(records.storage, desk.device, [register]);
    const first = desk.update(id, { notes: 'Перша' }, 1);
    const refused = desk.update(id, { notes: 42 }, 1, first);
    const after = desk.update(id, { notes: 'Третя' }, 1, refused);
    expect(await push(records.storage, desk.device, [first, refused, after])).toMatchObject([
      { status: 'applied', version: 2 },
      { status: 'rejected', code: 'invalid_payload' },
      { status: 'conflict', fields: ['notes'], version: 2 },
    ]);
    expect(await records.stored('application', id)).toMatchObject({ version: 2, data: { notes: 'Перша' } });
  });

  it('applies a chain of edits after a refused edit of the same record in the batch', async () => {
    const desk = await enrolledDesk(records);
    const register = desk.register();
    const id = idOf(register);
    await push(records.storage, desk.device, [register]);
    const refused = desk.update(id, { notes: 42 }, 1);
    const first = desk.update(id, { notes: 'Перша' }, 1);
    const second = desk.update(id, { dueDate: '2026-11-25' }, 1, first);
    expect(await push(records.storage, desk.device, [refused, first, second])).toMatchObject([
      { status: 'rejected' },
      { status: 'applied', version: 2 },
      { status: 'applied', version: 3 },
    ]);
    expect(await records.stored('application', id)).toMatchObject({ version: 3, data: { notes: 'Перша', dueDate: '2026-11-25' } });
  });
});
