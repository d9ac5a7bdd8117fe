import type { StoredApplication } from '../../../shared/domain/application';
import type { CorrectApplication } from '../../../shared/review';
import type { z } from 'zod';
import { changeApplicationStatus } from '../applications/change-status';
import { updateApplication } from '../applications/update-application';
import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { AppError } from '../../../shared/errors';
import { getApplicationById } from '../applications/queries';

/**
 * A supervisor's correction (issue 15): the fields through the clerk's own edit command and the
 * status through the status machine — the same checks, the same outbox kinds — with the reason
 * carried in each mutation and audit event. Both or neither: one transaction. A move that needs a
 * reason of its own (registered in error) takes the correction's when none is given.
 */
export function correctApplication(env: CommandEnv, input: z.output<typeof CorrectApplication>): StoredApplication {
  const { applicationId: id, fields, status, reason } = input;
  return runCommand(env.db, () => {
    if (!getApplicationById(env.db, id))
      throw new AppError('NOT_FOUND', `No application ${id}`, [{ path: ['applicationId'], message: 'no such application' }]);
    let corrected: StoredApplication | null = null;
    if (fields !== undefined) corrected = under('fields', () => updateApplication(env, { ...fields, id }, reason));
    if (status !== undefined)
      corrected = under('status', () => changeApplicationStatus(env, { ...status, reason: status.reason ?? reason, id }, reason));
    if (corrected === null) throw new Error('A correction reached the command with nothing to correct');
    return corrected;
  });
}

/** The commands name their fields at the top; the correction's input holds them under `fields` or `status`. */
function under<T>(part: 'fields' | 'status', work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof AppError) || error.issues === undefined) throw error;
    const issues = error.issues.map((issue) => ({ ...issue, path: issue.path[0] === part ? issue.path : [part, ...issue.path] }));
    throw new AppError(error.code, error.message, issues);
  }
}
