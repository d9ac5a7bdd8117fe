import type { Role } from '../../../shared/roles';
import type { Db } from '../db/open';
import { uuidv7 } from '../ids';

export interface LocalClerk {
  id: string;
  fullName: string;
  roles: Role[];
}

/**
 * The desk's local clerk row as desks made it before sign-in (migration 0015 and
 * auth/local-admin.ts turn it into the desk's admin account at the backend's start). Tests that
 * drive commands directly on a database, without a backend, still act as it.
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
