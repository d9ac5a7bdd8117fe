import type { Application } from '../../../shared/domain/application';
import type { RegisterIntakeData } from '../../../shared/domain/registration';
import { AppError } from '../../../shared/errors';
import { upsertApplicant } from '../applicants/upsert-applicant';
import { registerApplication } from '../applications/register-application';
import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';

/** The applicant part's refusals, with their paths put under `applicant` as the caller sent it. */
function asApplicantPart<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof AppError) || error.issues === undefined) throw error;
    throw new AppError(
      error.code,
      error.message,
      error.issues.map((issue) => ({ ...issue, path: ['applicant', ...issue.path] })),
    );
  }
}

/**
 * Registers an application together with its new or corrected applicant: both records, their
 * outbox mutations and audit events in one transaction. A refusal of either part (a service
 * withdrawn since the clerk chose it, an impossible date) leaves nothing behind.
 */
export function registerIntake(env: CommandEnv, input: RegisterIntakeData): Application {
  const { applicant, applicantId, ...application } = input;
  return runCommand(env.db, () => {
    const id = applicant === undefined ? applicantId : asApplicantPart(() => upsertApplicant(env, applicant).id);
    if (id === undefined) throw new AppError('VALIDATION', 'No applicant given', [{ path: ['applicantId'], message: 'required' }]);
    return registerApplication(env, { ...application, applicantId: id });
  });
}
