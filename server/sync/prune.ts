import type { Storage } from '../storage/storage';

/**
 * Compacts the change log below `beforeSeq`: drops every change a later change of the same
 * record supersedes, so the log stays a full snapshot, and marks history before `beforeSeq`
 * as gone, so a desk whose cursor points into it gets 410 instead of silently missing a
 * step. Returns how many changes were dropped.
 */
export async function pruneChanges(storage: Storage, beforeSeq: number): Promise<number> {
  return storage.transaction(async (tx) => {
    const dropped = await tx.query(
      `DELETE FROM changes c WHERE c.seq < $1
         AND EXISTS (SELECT 1 FROM changes n WHERE n.entity = c.entity AND n.id = c.id AND n.seq > c.seq)
       RETURNING c.seq`,
      [beforeSeq],
    );
    await tx.query("UPDATE settings SET value = GREATEST(value::bigint, $1::bigint)::text WHERE key = 'changes_retained_from'", [
      beforeSeq,
    ]);
    return dropped.length;
  });
}
