import { statusChangeFieldErrors } from '../../../shared/domain/application-status';
import type { Application, ChangeApplicationStatusInput } from '../../../shared/domain/application';
import { AppError } from '../../../shared/errors';
import { recordChange, runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { clerkName } from '../clerks/clerk-name';
import { getApplicationById } from './queries';
import { statement } from '../db/statements';

type ChangeStatus = Required<Pick<ChangeApplicationStatusInput, 'id' | 'to'>> & Pick<ChangeApplicationStatusInput, 'reason' | 'receivedBy'>;

/** Moves an application along the status machine; a forbidden move or a missing reason is VALIDATION. */
export function changeApplicationStatus(env: CommandEnv, input: ChangeStatus): Application {
  const at = env.now().toISOString();
  runCommand(env.db, () => {
    const current = statement(env.db, 'SELECT status, server_version FROM applications WHERE id = ? AND deleted_at IS NULL').get(
      input.id,
    ) as { status: Application['status']; server_version: number | null } | undefined;
    if (!current) throw new AppError('NOT_FOUND', `No application ${input.id}`, [{ path: ['id'], message: 'no such application' }]);
    const errors = statusChangeFieldErrors(current.status, input);
    if (errors.length > 0)
      throw new AppError('VALIDATION', `An application that is ${current.status} cannot become ${input.to} this way`, errors);
    const info = statement(env.db, 'UPDATE applications SET status = ?, updated_at = ? WHERE id = ? AND status = ?').run(
      input.to,
      at,
      input.id,
      current.status,
    );
    if (info.changes !== 1) throw new Error(`Status change of ${input.id} changed ${info.changes} rows`);
    // The step shows in the history from the outbox until the back office's history, pulled with the record, holds it.
    recordChange(
      env,
      at,
      {
        kind: 'application.status',
        payload: {
          id: input.id,
          from: current.status,
          to: input.to,
          reason: input.reason ?? null,
          receivedBy: input.receivedBy ?? null,
          at,
          actorName: clerkName(env.db, env.clerkId),
        },
        baseVersion: current.server_version,
      },
      { action: 'application.status', entity: 'application', entityId: input.id, details: { from: current.status, to: input.to } },
    );
  });
  const application = getApplicationById(env.db, input.id);
  if (!application) throw new Error(`Application ${input.id} vanished after commit`);
  return application;
}
