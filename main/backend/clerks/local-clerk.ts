import type { Role } from '../../../shared/roles';
import type { Db } from '../db/open';
import { uuidv7 } from '../ids';

export interface LocalClerk {
  id: string;
  fullName: string;
  roles: Role[];
}

/**
 * Until sign-in arrives, a desk has one local clerk account made at first start; every record
 * carries its id, so per-clerk accounts slot in later without changing what the ids mean.
 * It holds the clerk and supervisor roles because it is the only account on the desk.
 */
export function ensureLocalClerk(db: Db, at: string): LocalClerk {
  const existing = db.prepare('SELECT id, full_name, roles FROM clerks WHERE is_local = 1 AND deleted_at IS NULL LIMIT 1').get() as
    { id: string; full_name: string; roles: string } | undefined;
  if (existing) return { id: existing.id, fullName: existing.full_name, roles: JSON.parse(existing.roles) as Role[] };
  const clerk: LocalClerk = { id: uuidv7(), fullName: 'Адміністратор ЦНАП', roles: ['clerk', 'supervisor'] };
  db.prepare('INSERT INTO clerks (id, full_name, roles, is_local, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)').run(
    clerk.id,
    clerk.fullName,
    JSON.stringify(clerk.roles),
    at,
    at,
  );
  return clerk;
}
