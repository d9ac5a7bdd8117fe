/**
 * A desk's pull (server/sync/pull.ts) on PGlite in memory, without HTTP: the pages of changes it
 * receives after its cursor, and the cursors it is told to give up (410 over HTTP).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntityStore } from '../../../../server/sync/entity-store';
import type { EntityData, EntityName } from '../../../../server/sync/entity-store';
import { pruneChanges } from '../../../../server/sync/prune';
import { CursorExpired, pull as pullPage } from '../../../../server/sync/pull';
import { toInt } from '../../../../server/storage/storage';
import type { Change, PullResponse } from '../../../../shared/sync-protocol';
import { readPage } from '../../../helpers/pull-page';
import { useRecords } from './apply/store-fixture';

const records = useRecords();

/** A page as the desk reads it (the route writes it out as text). */
async function pull(...args: Parameters<typeof pullPage>): Promise<Omit<PullResponse, 'serverTime'>> {
  return readPage(await pullPage(...args));
}
/** Real database work, dozens of transactions a test: well over the default 5 s when the shared machine is busy. */
const SLOW = { timeout: 30_000 };

interface Write {
  entity: EntityName;
  id: string;
  /** Null: server-owned data every center pulls. */
  centerCode: string | null;
  version: number;
  data: EntityData;
}

/** Commits these writes in one transaction, as one push batch (or one catalog publication) would. */
function commit(writes: readonly Write[]): Promise<void> {
  return records.storage.transaction(async (tx) => {
    const store = new EntityStore(tx);
    for (const { entity, ...row } of writes) store.save(entity, row);
    store.keepStaged();
    await store.flush();
  });
}

async function newestSeq(): Promise<number> {
  const [row] = await records.sql<{ seq: unknown }>('SELECT coalesce(max(seq), 0) AS seq FROM changes');
  return toInt(row?.seq);
}

/** Every page from `cursor` until the server says there is no more. */
async function pullAll(centerCode: string, cursor: number, limit: number): Promise<{ pages: Change[][]; cursor: number }> {
  const pages: Change[][] = [];
  for (;;) {
    const page = await pull(records.storage, centerCode, cursor, limit);
    pages.push(page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { pages, cursor };
    if (pages.length > 200) throw new Error('pull never ends');
  }
}

const applicant = (centerCode: string | null, version = 1, id: string = randomUUID()): Write => ({
  entity: centerCode === null ? 'service' : 'applicant',
  id,
  centerCode,
  version,
  data: { id, v: version },
});

describe('pull', SLOW, () => {
  it('never skips nor repeats a change, for any page size: the center’s own and the server-owned ones, in commit order', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Batches of writes: to this center, another center, or server-owned, each to one of a few records.
        fc.array(
          fc.array(fc.record({ to: fc.constantFrom('own', 'other', 'shared'), record: fc.nat(3) }), { minLength: 1, maxLength: 5 }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.integer({ min: 1, max: 7 }),
        async (batches, limit) => {
          const own = `C-${randomUUID().slice(0, 8)}`;
          const centers = { own, other: `C-${randomUUID().slice(0, 8)}`, shared: null };
          const ids = [0, 1, 2, 3].map(() => randomUUID());
          const versions = new Map<string, number>();
          const start = await newestSeq();
          const expected: Omit<Change, 'seq'>[] = [];
          for (const batch of batches) {
            const writes = batch.map(({ to, record }) => {
              const id = `${to}-${ids[record]}`;
              const version = (versions.get(id) ?? 0) + 1;
              versions.set(id, version);
              return applicant(centers[to], version, id);
            });
            await commit(writes);
            for (const w of writes)
              if (w.centerCode !== centers.other) expected.push({ entity: w.entity, id: w.id, version: w.version, data: w.data });
          }
          const { pages, cursor } = await pullAll(own, start, limit);
          const changes = pages.flat();
          expect(changes.map(({ seq: _, ...change }) => change)).toEqual(expected);
          // Seqs rise, every page but the last is full, and the cursor ends at the last change.
          expect(changes.every((c, n) => n === 0 || c.seq > changes[n - 1]!.seq)).toBe(true);
          expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
          expect(pages.at(-1)!.length).toBeLessThanOrEqual(limit);
          expect(cursor).toBe(changes.at(-1)?.seq ?? start);
          expect(changes.every((c) => c.seq > start)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('answers a page, whether more follow, and the cursor of its last change; a cursor at the end gets nothing new', async () => {
    const start = await newestSeq();
    const own = `C-${randomUUID().slice(0, 8)}`;
    const writes = [applicant(own), applicant(own), applicant(own)];
    await commit(writes);
    const first = await pull(records.storage, own, start, 2);
    expect(first).toEqual({
      changes: writes.slice(0, 2).map((w, n) => ({ seq: start + n + 1, entity: 'applicant', id: w.id, version: 1, data: w.data })),
      cursor: start + 2,
      hasMore: true,
    });
    expect(await pull(records.storage, own, first.cursor, 1)).toEqual({
      changes: [{ seq: start + 3, entity: 'applicant', id: writes[2]!.id, version: 1, data: writes[2]!.data }],
      cursor: start + 3,
      hasMore: false,
    });
    expect(await pull(records.storage, own, start + 3, 5)).toEqual({ changes: [], cursor: start + 3, hasMore: false });
    // A page exactly as long as what is left: nothing more.
    expect(await pull(records.storage, own, start, 3)).toMatchObject({ cursor: start + 3, hasMore: false });
  });

  it('checks the change the cursor names: the same one passes, another one means the server was restored', async () => {
    const own = `C-${randomUUID().slice(0, 8)}`;
    const w = applicant(own);
    await commit([w]);
    const seq = await newestSeq();
    expect(await pull(records.storage, own, seq, 10, { entity: 'applicant', id: w.id, version: 1 })).toEqual({
      changes: [],
      cursor: seq,
      hasMore: false,
    });
    for (const at of [
      { entity: 'application', id: w.id, version: 1 },
      { entity: 'applicant', id: randomUUID(), version: 1 },
      { entity: 'applicant', id: w.id, version: 2 },
    ]) {
      const refusal = await pull(records.storage, own, seq, 10, at).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(CursorExpired);
      expect(refusal).toMatchObject({
        cursor: seq,
        ahead: true,
        message: `Cursor ${seq} is beyond the newest change this server holds (restored from a backup?); pull again from cursor 0`,
      });
    }
  });

  it('refuses a cursor beyond the newest change: the server was restored from an older backup', async () => {
    const own = `C-${randomUUID().slice(0, 8)}`;
    await commit([applicant(own)]);
    const newest = await newestSeq();
    await expect(pull(records.storage, own, newest + 1, 10)).rejects.toMatchObject({ cursor: newest + 1, ahead: true });
    await expect(pull(records.storage, own, newest, 10)).resolves.toMatchObject({ changes: [], cursor: newest });
  });
});

describe('pull after the log was compacted', SLOW, () => {
  // Its own database: compaction moves the retained history for every center.
  const compacted = useRecords();

  it('refuses a cursor into the dropped history, serves one at its edge, and serves every record’s latest from cursor 0', async () => {
    const own = 'C1';
    const id = randomUUID();
    await compacted.storage.transaction(async (tx) => {
      const store = new EntityStore(tx);
      for (const version of [1, 2, 3]) store.save('applicant', { id, centerCode: own, version, data: { id, v: version } });
      store.keepStaged();
      await store.flush();
    });
    const other = randomUUID();
    await compacted.history('applicant', other, { 1: { id: other } }, own);
    await compacted.history('applicant', id, { 4: { id, v: 4 } }, own);
    // Seqs 1–3 and 5 are the first record's versions, 4 the other record: 1–3 are superseded.
    expect(await pruneChanges(compacted.storage, 4)).toBe(3);
    const expired = await pull(compacted.storage, own, 2, 10).catch((error: unknown) => error);
    expect(expired).toBeInstanceOf(CursorExpired);
    expect(expired).toMatchObject({
      cursor: 2,
      retainedFrom: 4,
      ahead: false,
      message: 'Cursor 2 is older than the retained history (from 4); pull again from cursor 0',
    });
    const latest = [
      { seq: 4, entity: 'applicant', id: other, version: 1, data: { id: other } },
      { seq: 5, entity: 'applicant', id, version: 4, data: { id, v: 4 } },
    ];
    expect(await pull(compacted.storage, own, 3, 10)).toEqual({ changes: latest, cursor: 5, hasMore: false });
    expect(await pull(compacted.storage, own, 0, 10)).toEqual({ changes: latest, cursor: 5, hasMore: false });
    // The change a cursor at the edge names was compacted away: no sign of a restore.
    expect(await pull(compacted.storage, own, 3, 10, { entity: 'applicant', id, version: 3 })).toMatchObject({ cursor: 5 });
    // One at or past the retained history is never compacted: its row missing means it was lost in a restore.
    expect(await pull(compacted.storage, own, 4, 10, { entity: 'applicant', id: other, version: 1 })).toMatchObject({ cursor: 5 });
    await compacted.sql('DELETE FROM changes WHERE seq = 4');
    await expect(pull(compacted.storage, own, 4, 10, { entity: 'applicant', id: other, version: 1 })).rejects.toMatchObject({
      cursor: 4,
      ahead: true,
    });
  });
});

describe('pull from a log with no change yet', SLOW, () => {
  const empty = useRecords();

  it('serves cursor 0 and refuses any later cursor as ahead of it', async () => {
    expect(await pull(empty.storage, 'C1', 0, 10)).toEqual({ changes: [], cursor: 0, hasMore: false });
    await expect(pull(empty.storage, 'C1', 5, 10)).rejects.toMatchObject({ cursor: 5, ahead: true });
  });
});
