/**
 * An edit of an existing record (server/sync/apply/update-with-merge.ts) against a real EntityStore on
 * PGlite in memory, without HTTP: what lands in the record and what the desk is answered. The record
 * is an applicant; each version is written beforehand as push would have written it.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../../../server/sync/apply/outcome';
import { updateWithMerge } from '../../../../../server/sync/apply/update-with-merge';
import type { EntityData } from '../../../../../server/sync/entity-store';
import { useRecords } from './store-fixture';

const records = useRecords();

/** Writes these versions of a new applicant (a gap in the numbers is a version the server no longer has). */
async function history(versions: Record<number, EntityData>): Promise<string> {
  const id = randomUUID();
  await records.history('applicant', id, Object.fromEntries(Object.entries(versions).map(([version, data]) => [version, { id, ...data }])));
  return id;
}

interface Edit {
  baseVersion: number | null;
  predecessorVersion?: number | null;
  /** The versions this desk's own earlier mutations produced. */
  own?: number[];
  proposed: EntityData;
  finish?: (merged: EntityData) => EntityData;
}

/** Applies the edit to the applicant as it stands, the way the applicant policy does. */
function edit(id: string, e: Edit): Promise<Outcome> {
  const proposed = { id, ...e.proposed };
  return records.apply(
    async (ctx) => {
      const current = await ctx.store.load('applicant', id);
      if (!current) throw new Error(`test set-up: no applicant ${id}`);
      return e.finish
        ? updateWithMerge(ctx, 'applicant', current, proposed, e.finish)
        : updateWithMerge(ctx, 'applicant', current, proposed);
    },
    { aggregate: `applicant:${id}`, kind: 'applicant.update', baseVersion: e.baseVersion, payload: proposed },
    { predecessorVersion: e.predecessorVersion ?? null, ownVersions: () => Promise.resolve(e.own ?? []) },
  );
}

async function stored(id: string): Promise<{ version: number; data: EntityData; versions: number[] }> {
  const row = await records.stored('applicant', id);
  if (!row) throw new Error(`no applicant ${id}`);
  return row;
}

const baseUnknown = {
  status: 'rejected',
  code: 'base_unknown',
  message: 'The edit names no server version this record had',
  fieldErrors: [{ path: ['baseVersion'], message: 'unknown version' }],
};

describe('updateWithMerge', () => {
  it('applies an edit that does not overlap what others changed since its base, keeping theirs', async () => {
    const id = await history({ 1: { last_name: 'Коваль', phone: '1', notes: null }, 2: { last_name: 'Коваль', phone: '2', notes: null } });
    expect(await edit(id, { baseVersion: 1, proposed: { last_name: 'Коваль', phone: '1', notes: 'Принесе довідку' } })).toEqual({
      status: 'applied',
      version: 3,
    });
    expect(await stored(id)).toEqual({
      version: 3,
      data: { id, last_name: 'Коваль', phone: '2', notes: 'Принесе довідку' },
      versions: [1, 2, 3],
    });
  });

  it('answers a field both changed to different values as a conflict carrying the server record, and writes nothing', async () => {
    const id = await history({ 1: { notes: 'x', phone: '1' }, 2: { notes: 'y', phone: '1' } });
    expect(await edit(id, { baseVersion: 1, proposed: { notes: 'z', phone: '5' } })).toEqual({
      status: 'conflict',
      fields: ['notes'],
      server: { id, notes: 'y', phone: '1' },
      version: 2,
    });
    expect(await stored(id)).toEqual({ version: 2, data: { id, notes: 'y', phone: '1' }, versions: [1, 2] });
  });

  it('refuses an edit whose base the server never had, or that names none, and writes nothing', async () => {
    const id = await history({ 1: { notes: 'x' } });
    expect(await edit(id, { baseVersion: 7, proposed: { notes: 'z' } })).toEqual(baseUnknown);
    expect(await edit(id, { baseVersion: null, predecessorVersion: null, proposed: { notes: 'z' } })).toEqual(baseUnknown);
    expect(await stored(id)).toMatchObject({ version: 1, versions: [1] });
  });

  it('takes the version its predecessor produced as the base when the desk had none', async () => {
    const id = await history({ 1: { notes: 'x', phone: '1' }, 2: { notes: 'x', phone: '2' } });
    expect(await edit(id, { baseVersion: null, predecessorVersion: 1, proposed: { notes: 'z', phone: '1' } })).toEqual({
      status: 'applied',
      version: 3,
    });
    expect((await stored(id)).data).toEqual({ id, notes: 'z', phone: '2' });
  });

  it('stores what `finish` adds to the merged record', async () => {
    const id = await history({ 1: { notes: 'x', history: [] } });
    const finish = (merged: EntityData) => ({ ...merged, history: [{ reason: 'Виправлено помилку в імені' }] });
    expect(await edit(id, { baseVersion: 1, proposed: { notes: 'z' }, finish })).toEqual({ status: 'applied', version: 2 });
    expect((await stored(id)).data).toEqual({ id, notes: 'z', history: [{ reason: 'Виправлено помилку в імені' }] });
  });

  describe("on top of the desk's own earlier edits", () => {
    it('does not count them as a concurrent change, including a field they removed or added', async () => {
      const id = await history({
        1: { last_name: 'Коваль', notes: 'x', phone: '1' },
        // This desk's earlier edit: the notes, the phone taken out, an address added.
        2: { last_name: 'Коваль', notes: 'A', address: 'Київ' },
        // Another desk since: the notes again, the phone back, the address, the name.
        3: { last_name: 'Ковальчук', notes: 'B', phone: '3', address: 'Львів' },
      });
      // The desk still sees its own notes, address and no phone (its base is version 1); it adds an email.
      const outcome = await edit(id, {
        baseVersion: 1,
        predecessorVersion: 2,
        own: [2],
        proposed: { last_name: 'Коваль', notes: 'A', phone: null, address: 'Київ', email: 'o@example.com' },
      });
      expect(outcome).toEqual({ status: 'applied', version: 4 });
      expect((await stored(id)).data).toEqual({
        id,
        last_name: 'Ковальчук',
        notes: 'B',
        phone: '3',
        address: 'Львів',
        email: 'o@example.com',
      });
    });

    it('takes from them only what each changed, not what another desk had changed before it', async () => {
      const id = await history({
        1: { notes: 'x', phone: '1' },
        2: { notes: 'B', phone: '1' }, // another desk, not pulled yet
        3: { notes: 'B', phone: '3' }, // this desk's phone, on top of it
      });
      const outcome = await edit(id, { baseVersion: 1, predecessorVersion: 3, own: [3], proposed: { notes: 'x', phone: '3', email: 'e' } });
      expect(outcome).toEqual({ status: 'applied', version: 4 });
      expect((await stored(id)).data).toEqual({ id, notes: 'B', phone: '3', email: 'e' });
    });

    it('counts only those up to its predecessor, after its base', async () => {
      const id = await history({
        1: { notes: 'x', phone: '1' },
        2: { notes: 'A', phone: '1' }, // own, before the base the desk pulled
        3: { notes: 'B', phone: '1' }, // another desk: the desk's base
        4: { notes: 'B', phone: '4' }, // own: the predecessor
        5: { notes: 'C', phone: '4' }, // another desk
        6: { notes: 'C', phone: '6' }, // own, after this edit's predecessor
      });
      const outcome = await edit(id, {
        baseVersion: 3,
        predecessorVersion: 4,
        own: [2, 4, 6],
        proposed: { notes: 'B', phone: '4', email: 'e' },
      });
      expect(outcome).toEqual({ status: 'applied', version: 7 });
      expect((await stored(id)).data).toEqual({ id, notes: 'C', phone: '6', email: 'e' });
    });

    it('skips an own version whose neighbour the server no longer has', async () => {
      const id = await history({ 1: { notes: 'x', phone: '1' }, 3: { notes: 'A', phone: '1' } });
      expect(await edit(id, { baseVersion: 1, predecessorVersion: 3, own: [3], proposed: { notes: 'x', phone: '2' } })).toEqual({
        status: 'applied',
        version: 4,
      });
      expect((await stored(id)).data).toEqual({ id, notes: 'A', phone: '2' });
      const gapAfter = await history({ 1: { notes: 'x' }, 3: { notes: 'A' } });
      expect(await edit(gapAfter, { baseVersion: 1, predecessorVersion: 2, own: [2], proposed: { notes: 'x', phone: '2' } })).toEqual({
        status: 'applied',
        version: 4,
      });
    });
  });
});
