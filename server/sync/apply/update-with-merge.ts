import { isDeepStrictEqual } from 'node:util';
import type { EntityData, EntityName, EntityRow } from '../entity-store';
import { baseVersionOf, threeWayMerge } from './merge';
import type { ApplyContext, Outcome } from './outcome';
import { rejected } from './outcome';

/**
 * The record as the desk had it when it made this edit: its base version with the desk's own
 * edits queued since on top. A desk edits offline on top of its earlier, still unsent edits,
 * all against the same base version; those earlier edits, applied since, are its own, not a
 * concurrent change, and must not make a conflict. Each own version's effect is what changed
 * from the version before it.
 */
async function withOwnEdits(ctx: ApplyContext, entity: EntityName, base: EntityData, baseVersion: number): Promise<EntityData> {
  const upTo = ctx.predecessorVersion;
  if (upTo === null || upTo <= baseVersion) return base;
  const seen = { ...base };
  for (const version of await ctx.ownVersions()) {
    if (version <= baseVersion || version > upTo) continue;
    const before = await ctx.store.loadVersion(entity, ctx.id, version - 1);
    const after = await ctx.store.loadVersion(entity, ctx.id, version);
    if (!before || !after) continue;
    for (const field of new Set([...Object.keys(before), ...Object.keys(after)]))
      if (!isDeepStrictEqual(before[field] ?? null, after[field] ?? null)) seen[field] = after[field] ?? null;
  }
  return seen;
}

/**
 * Edits fields of an existing record by three-way merge against the version the desk edited:
 * applied when the edits do not overlap the server's since then, else a conflict carrying the
 * server's record so the clerk sees it (never a silent overwrite). `finish` adds what the edit
 * brings besides its fields (a correction's history step) to the merged record.
 */
export async function updateWithMerge(
  ctx: ApplyContext,
  entity: EntityName,
  current: EntityRow,
  proposed: EntityData,
  finish: (merged: EntityData) => EntityData = (merged) => merged,
): Promise<Outcome> {
  const baseVersion = baseVersionOf(ctx.mutation.baseVersion, ctx.predecessorVersion);
  const base = baseVersion === null ? null : await ctx.store.loadVersion(entity, ctx.id, baseVersion);
  if (baseVersion === null || !base) {
    return rejected('base_unknown', 'The edit names no server version this record had', [
      { path: ['baseVersion'], message: 'unknown version' },
    ]);
  }
  const { merged, conflicts } = threeWayMerge(await withOwnEdits(ctx, entity, base, baseVersion), current.data, proposed);
  if (conflicts.length > 0) return { status: 'conflict', fields: conflicts, server: current.data, version: current.version };
  const version = current.version + 1;
  ctx.store.save(entity, { ...current, version, data: finish(merged) });
  return { status: 'applied', version };
}
