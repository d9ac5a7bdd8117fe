import type { Db } from '../db/open';
import { statement } from '../db/statements';

/**
 * The name a clerk of this desk goes by now. A status step carries it to the back office
 * (other desks know only their own clerks), so the history shows who acted as they were named then.
 */
export function clerkName(db: Db, clerkId: string): string {
  const name = statement(db, 'SELECT full_name FROM clerks WHERE id = ?').pluck().get(clerkId) as string | undefined;
  if (name === undefined) throw new Error(`No clerk ${clerkId} on this desk`);
  return name;
}
