/**
 * EntityStore (server/sync/entity-store.ts) on its own, over a migrated PGlite copy: what a batch reads
 * back of its own staged and kept writes, what flush leaves in the tables, and that it asks the
 * database once per kind of read, not once per mutation (its reason to exist: a batch of 500 in tens
 * of milliseconds). The statements are counted by a thin spy around the real transaction — every
 * statement still runs on PGlite; the spy only records its text.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EntityData, EntityName, MutationLogRow } from '../../../../server/sync/entity-store';
import { EntityStore } from '../../../../server/sync/entity-store';
import type { Sql, SqlParam } from '../../../../server/storage/storage';
import { useRecords } from './apply/store-fixture';

const records = useRecords();

/** The real transaction, with every statement's text recorded (spy, not a mock: each still runs). */
function spied(tx: Sql): { sql: Sql; statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    sql: {
      query: <Row>(text: string, params?: readonly SqlParam[]) => {
        statements.push(text);
        return tx.query<Row>(text, params);
      },
      exec: (text: string) => {
        statements.push(text);
        return tx.exec(text);
      },
    },
  };
}

/** The rollback that ends a look-only transaction, so the database stays as the test wrote it. */
class LookOnly extends Error {}

/** Runs `fn` with a store on a spied transaction, then rolls the transaction back. */
async function inBatch(fn: (store: EntityStore, statements: string[]) => Promise<void>): Promise<void> {
  await records.storage
    .transaction(async (tx) => {
      const { sql, statements } = spied(tx);
      await fn(new EntityStore(sql), statements);
      throw new LookOnly();
    })
    .catch((error: unknown) => {
      if (!(error instanceof LookOnly)) throw error;
    });
}

async function applicant(versions: Record<number, EntityData>, centerCode = 'C1'): Promise<string> {
  const id = randomUUID();
  await records.history('applicant', id, versions, centerCode);
  return id;
}

async function application(regNumber: string, centerCode: string): Promise<string> {
  const id = randomUUID();
  await records.history('application', id, { 1: { id, regNumber } }, centerCode);
  return id;
}

/** A made-up file hash, unique per call (blobs.sha256 must be 64 hex digits). */
const sha = () => randomUUID().replaceAll('-', '').padEnd(64, '0');

async function changeCount(): Promise<number> {
  const [count] = await records.sql<{ n: unknown }>('SELECT count(*) AS n FROM changes');
  return Number(count?.n);
}

const row = (id: string, version: number, data: EntityData, centerCode: string | null = 'C1') => ({ id, centerCode, version, data });

describe('EntityStore reads', () => {
  it('load gives the mutation its own staged write, the latest one for that record only', async () => {
    const a = await applicant({ 1: { name: 'a1' } });
    const b = await applicant({ 1: { name: 'b1' } });
    await inBatch(async (store) => {
      store.save('applicant', row(a, 2, { name: 'a2' }));
      store.save('applicant', row(a, 3, { name: 'a3' }));
      expect((await store.load('applicant', a))?.data).toEqual({ name: 'a3' });
      expect((await store.load('applicant', b))?.data).toEqual({ name: 'b1' });
      store.dropStaged();
      expect((await store.load('applicant', a))?.data).toEqual({ name: 'a1' });
    });
  });

  it('loadVersion finds a staged version by entity, id and version, and the stored ones otherwise', async () => {
    const a = await applicant({ 1: { name: 'a1' } });
    const b = randomUUID();
    await inBatch(async (store) => {
      store.save('applicant', row(a, 2, { name: 'a2' }));
      store.save('applicant', row(b, 1, { name: 'b1' }));
      store.save('ticket', row(a, 1, { number: 'T-1' }));
      expect(await store.loadVersion('applicant', a, 2)).toEqual({ name: 'a2' });
      expect(await store.loadVersion('applicant', a, 1)).toEqual({ name: 'a1' });
      expect(await store.loadVersion('applicant', a, 5)).toBeNull();
      store.dropStaged();
      expect(await store.loadVersion('applicant', a, 2)).toBeNull();
    });
  });

  it('a prefetch after a kept write does not bring back the stored version', async () => {
    const a = await applicant({ 1: { name: 'a1' } });
    await inBatch(async (store) => {
      await store.prefetch({ rows: [{ entity: 'applicant', id: a }], versions: [], blobs: [] });
      store.save('applicant', row(a, 2, { name: 'a2' }));
      store.keepStaged();
      await store.prefetch({ rows: [{ entity: 'applicant', id: a }], versions: [], blobs: [] });
      expect(await store.load('applicant', a)).toMatchObject({ version: 2, data: { name: 'a2' } });
    });
  });

  it('each registration number has its own holder, per center', async () => {
    const held = await application(`R-${randomUUID()}`, 'C1');
    const heldNumber = (await records.stored('application', held))!.data.regNumber as string;
    const free = `R-${randomUUID()}`;
    await inBatch(async (store) => {
      await store.prefetchRegNumbers('C1', [heldNumber, free]);
      expect(await store.regNumberHolder('C1', free)).toBeNull();
      expect(await store.regNumberHolder('C1', heldNumber)).toBe(held);
      expect(await store.regNumberHolder('C2', heldNumber)).toBeNull();
    });
  });

  it("the batch's own registrations hold a number only for their center and only as applications", async () => {
    const number = `R-${randomUUID()}`;
    await inBatch(async (store) => {
      store.save('application', row(randomUUID(), 1, { regNumber: number }, 'C2'));
      store.save('applicant', row(randomUUID(), 1, { regNumber: number }, 'C1'));
      store.keepStaged();
      expect(await store.regNumberHolder('C1', number)).toBeNull();
      const own = randomUUID();
      store.save('application', row(own, 1, { regNumber: number }, 'C1'));
      expect(await store.regNumberHolder('C1', number)).toBe(own);
    });
  });

  it('a center has a file only if it uploaded that file', async () => {
    const [stored, other] = [sha(), sha()];
    await records.sql('INSERT INTO blobs (sha256, size) VALUES ($1, 1), ($2, 1)', [stored, other]);
    await records.sql("INSERT INTO blob_centers (sha256, center_code) VALUES ($1, 'C1'), ($2, 'C2')", [stored, other]);
    await inBatch(async (store) => {
      expect(await store.blobStored('C1', stored)).toBe(true);
      expect(await store.blobStored('C1', other)).toBe(false);
      expect(await store.blobStored('C2', stored)).toBe(false);
      expect(await store.blobStored('C2', other)).toBe(true);
    });
  });
});

describe('EntityStore round trips', () => {
  it('a prefetched batch reads rows, versions, numbers and files without asking again', async () => {
    const a = await applicant({ 1: { name: 'a1' }, 2: { name: 'a2' } });
    const missing = randomUUID();
    const number = `R-${randomUUID()}`;
    const file = sha();
    await inBatch(async (store, statements) => {
      await store.prefetch({
        rows: [
          { entity: 'applicant', id: a },
          { entity: 'applicant', id: missing },
        ],
        versions: [{ entity: 'applicant', id: a, version: 1 }],
        blobs: [{ centerCode: 'C1', sha256: file }],
      });
      await store.prefetchRegNumbers('C1', [number, number]);
      const asked = statements.length;
      expect(asked).toBe(4);
      expect((await store.load('applicant', a))?.version).toBe(2);
      expect(await store.load('applicant', missing)).toBeNull();
      expect(await store.loadVersion('applicant', a, 1)).toEqual({ name: 'a1' });
      expect(await store.blobStored('C1', file)).toBe(false);
      expect(await store.regNumberHolder('C1', number)).toBeNull();
      await store.prefetch({
        rows: [{ entity: 'applicant', id: a }],
        versions: [{ entity: 'applicant', id: a, version: 1 }],
        blobs: [{ centerCode: 'C1', sha256: file }],
      });
      await store.prefetchRegNumbers('C1', [number]);
      expect(statements.length).toBe(asked);
    });
  });

  it('an empty prefetch asks nothing', async () => {
    await inBatch(async (store, statements) => {
      await store.prefetch({ rows: [], versions: [], blobs: [] });
      await store.prefetchRegNumbers('C1', []);
      expect(statements).toEqual([]);
    });
  });

  it('a version the server does not have is asked for once', async () => {
    const a = await applicant({ 2: { name: 'a2' } });
    await inBatch(async (store, statements) => {
      expect(await store.loadVersion('applicant', a, 1)).toBeNull();
      expect(await store.loadVersion('applicant', a, 1)).toBeNull();
      expect(await store.loadVersion('applicant', a, 2)).toEqual({ name: 'a2' });
      expect(await store.loadVersion('applicant', a, 2)).toEqual({ name: 'a2' });
      expect(statements).toHaveLength(2);
    });
  });

  it('locks rows one kind at a time in name order, each kind with all its ids in one statement', async () => {
    const [t, a1, a2] = [randomUUID(), randomUUID(), randomUUID()];
    const rows: { entity: EntityName; id: string }[] = [
      { entity: 'ticket', id: t },
      { entity: 'applicant', id: a1 },
      { entity: 'applicant', id: a2 },
    ];
    await inBatch(async (store, statements) => {
      await store.prefetch({ rows, versions: [], blobs: [] });
      expect(statements.map((s) => /FROM (\w+)/.exec(s)?.[1])).toEqual(['applicants', 'tickets']);
      for (const r of rows) expect(await store.load(r.entity, r.id)).toBeNull();
      expect(statements).toHaveLength(2);
    });
  });
});

describe('EntityStore flush', () => {
  it('writes each kept version once, however many mutations kept before it', async () => {
    const a = randomUUID();
    await records.storage.transaction(async (tx) => {
      const store = new EntityStore(tx);
      store.save('applicant', row(a, 1, { name: 'a1' }));
      store.keepStaged();
      store.save('applicant', row(a, 2, { name: 'a2' }));
      store.keepStaged();
      await store.flush();
    });
    expect(await records.stored('applicant', a)).toEqual({ version: 2, data: { name: 'a2' }, versions: [1, 2] });
    const changes = await records.sql<{ version: number }>(
      "SELECT version FROM changes WHERE entity = 'applicant' AND id = $1 ORDER BY seq",
      [a],
    );
    expect(changes).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('with nothing kept writes nothing; with only log rows writes them and no change', async () => {
    const device = randomUUID();
    await records.sql('INSERT INTO devices (id, center_code, desk_code, name, token_hash) VALUES ($1, $2, $3, $4, $5)', [
      device,
      'C1',
      '01',
      'desk',
      randomUUID(),
    ]);
    const log: MutationLogRow = {
      mutation_id: randomUUID(),
      device_id: device,
      aggregate: 'applicant:x',
      kind: 'applicant.update',
      actor: 'clerk-1',
      payload_hash: 'h',
      result: { status: 'applied' },
    };
    const before = await changeCount();
    await records.storage.transaction(async (tx) => {
      const { sql, statements } = spied(tx);
      const store = new EntityStore(sql);
      await store.flush();
      expect(statements).toEqual([]);
      await store.flush([log]);
      expect(statements).toHaveLength(1);
    });
    const logged = await records.sql('SELECT kind, result FROM mutation_log WHERE mutation_id = $1', [log.mutation_id]);
    expect(logged).toEqual([{ kind: 'applicant.update', result: { status: 'applied' } }]);
    expect(await changeCount()).toBe(before);
  });
});
