import type { Sql } from '../storage/storage';
import { toInt } from '../storage/storage';

/** The lowest change seq the log still holds in full; older ones may have been compacted away. */
export async function retainedFrom(tx: Sql): Promise<number> {
  const [row] = await tx.query<{ value: string }>("SELECT value FROM settings WHERE key = 'changes_retained_from'");
  return toInt(row?.value ?? '1');
}
