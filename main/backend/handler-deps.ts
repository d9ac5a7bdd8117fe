import { AppError } from '../../shared/errors';
import type { DeskConfig } from './config/desk-config';
import type { CommandEnv } from './commands/unit-of-work';
import type { Db } from './db/open';
import type { CallContext } from './dispatch';

/** What the domain handlers share. */
export interface HandlerDeps {
  db: Db;
  desk: DeskConfig;
  now: () => Date;
}

/** The command environment of the signed-in clerk making this call. */
export function envFor(deps: HandlerDeps, ctx: CallContext): CommandEnv {
  // The dispatcher already refused session-less calls to non-public methods; this guards misuse.
  if (!ctx.session) throw new AppError('UNAUTHENTICATED', 'This needs a signed-in clerk');
  const { clerkId, roles, sessionId } = ctx.session;
  return { db: deps.db, clerkId, roles, now: deps.now, desk: deps.desk, ...(sessionId ? { sessionId } : {}) };
}
