/**
 * Compacting the change log (server/sync/prune.ts) and the retained history it leaves (retention.ts),
 * on PGlite: what a desk pulling from cursor 0 still gets, and which cursors stop being served.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pruneChanges } from '../../../../server/sync/prune';
import { retainedFrom } from '../../../../server/sync/retention';
import { toInt } from '../../../../server/storage/storage';
import { useRecords } from './apply/store-fixture';

const records = useRecords();

async function log(): Promise<{ seq: number; id: string; version: number }[]> {
  const rows = await records.sql<{ seq: unknown; id: string; version: unknown }>('SELECT seq, id, version FROM changes ORDER BY seq');
  return rows.map((row) => ({ seq: toInt(row.seq), id: row.id, version: toInt(row.version) }));
}

describe('pruneChanges', () => {
  it('drops only the changes a later change of the same record supersedes, below the given seq, and moves the retained history there', async () => {
    expect(await records.storage.transaction(retainedFrom)).toBe(1);
    const [a, b] = [randomUUID(), randomUUID()];
    await records.history('applicant', a, { 1: { id: a } }); // seq 1
    await records.history('applicant', b, { 1: { id: b } }); // seq 2
    await records.history('applicant', a, { 2: { id: a, v: 2 } }); // seq 3
    await records.history('applicant', b, { 2: { id: b, v: 2 } }); // seq 4
    await records.history('applicant', a, { 3: { id: a, v: 3 } }); // seq 5
    // Below 3: seq 1 and 2, each superseded; 3 (superseded by 5) is at the bound, so it stays.
    expect(await pruneChanges(records.storage, 3)).toBe(2);
    expect(await log()).toEqual([
      { seq: 3, id: a, version: 2 },
      { seq: 4, id: b, version: 2 },
      { seq: 5, id: a, version: 3 },
    ]);
    expect(await records.storage.transaction(retainedFrom)).toBe(3);
    // An earlier bound drops nothing more and never moves the retained history back.
    expect(await pruneChanges(records.storage, 2)).toBe(0);
    expect(await records.storage.transaction(retainedFrom)).toBe(3);
    expect(await pruneChanges(records.storage, 10)).toBe(1);
    expect(await log()).toEqual([
      { seq: 4, id: b, version: 2 },
      { seq: 5, id: a, version: 3 },
    ]);
    expect(await records.storage.transaction(retainedFrom)).toBe(10);
  });
});
