import type { EntityData, EntityName, EntityRow } from '../entity-store';
import { baseVersionOf, threeWayMerge } from './merge';
import type { ApplyContext, Outcome } from './outcome';
import { rejected } from './outcome';

/**
 * Edits fields of an existing record by three-way merge against the version the desk edited:
 * applied when the edits do not overlap the server's since then, else a conflict carrying the
 * server's record so the clerk sees it (never a silent overwrite).
 */
export async function updateWithMerge(ctx: ApplyContext, entity: EntityName, current: EntityRow, proposed: EntityData): Promise<Outcome> {
  const baseVersion = baseVersionOf(ctx.mutation.baseVersion, ctx.predecessorVersion);
  const base = baseVersion === null ? null : await ctx.store.loadVersion(entity, ctx.id, baseVersion);
  if (!base) {
    return rejected('base_unknown', 'The edit names no server version this record had', [
      { path: ['baseVersion'], message: 'unknown version' },
    ]);
  }
  const { merged, conflicts } = threeWayMerge(base, current.data, proposed);
  if (conflicts.length > 0) return { status: 'conflict', fields: conflicts, server: current.data, version: current.version };
  const version = current.version + 1;
  ctx.store.save(entity, { ...current, version, data: merged });
  return { status: 'applied', version };
}
