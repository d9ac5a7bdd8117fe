import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { appendAudit } from './audit-log';

/** Personal-data law: who looked at which citizen's record is logged, like any change. */
export function recordView(env: CommandEnv, entity: string, entityId: string): void {
  runCommand(env.db, () => {
    appendAudit(env.db, { at: env.now().toISOString(), actor: env.clerkId, action: `${entity}.view`, entity, entityId });
  });
}
