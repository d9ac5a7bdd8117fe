import type { ClerkProfile, Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import { appendAudit } from '../audit/audit-log';
import { runCommand } from '../commands/unit-of-work';
import type { Db } from '../db/open';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';

/** The account as the caller's session holds it: the roles are the session's (a standalone desk's account also decides as the provider). */
function profile(db: Db, id: string, roles: readonly Role[]): ClerkProfile {
  const row = db.prepare('SELECT id, full_name, roles FROM clerks WHERE id = ? AND deleted_at IS NULL').get(id) as
    { id: string; full_name: string; roles: string } | undefined;
  if (!row) throw new AppError('UNAUTHENTICATED', 'This clerk account no longer exists');
  return { id: row.id, fullName: row.full_name, roles: [...roles] };
}

export function clerkHandlers(deps: HandlerDeps): Pick<Handlers<CallContext>, 'clerk.me' | 'clerk.rename'> {
  return {
    'clerk.me': (_input, ctx) => profile(deps.db, envFor(deps, ctx).clerkId, ctx.session?.roles ?? []),
    'clerk.rename': ({ fullName }, ctx) => {
      const env = envFor(deps, ctx);
      const at = env.now().toISOString();
      // An account made on this desk is named here; one from the back office is named there (the next pull would undo it).
      const origin = deps.db.prepare('SELECT origin FROM clerks WHERE id = ?').pluck().get(env.clerkId);
      if (origin === 'back_office') throw new AppError('CONFLICT', 'This account is named at the back office');
      runCommand(deps.db, () => {
        deps.db.prepare('UPDATE clerks SET full_name = ?, updated_at = ? WHERE id = ?').run(fullName, at, env.clerkId);
        appendAudit(deps.db, {
          at,
          actor: env.clerkId,
          action: 'clerk.rename',
          entity: 'clerk',
          entityId: env.clerkId,
          details: { fullName },
        });
      });
      return profile(deps.db, env.clerkId, ctx.session?.roles ?? []);
    },
  };
}
