import type { ApplicantData } from '../../../shared/domain/applicant';
import type { StoredApplication } from '../../../shared/domain/application';
import type { RegisterIntakeData } from '../../../shared/domain/registration';
import { AppError } from '../../../shared/errors';
import type { FieldIssue } from '../../../shared/errors';
import { upsertApplicant } from '../applicants/upsert-applicant';
import { registerApplication } from '../applications/register-application';
import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';

/** A refusal's issue paths rewritten to where the caller sent the part (`applicant`, `representative.applicant`…). */
function rethrowUnder<T>(work: () => T, place: (path: FieldIssue['path']) => FieldIssue['path']): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof AppError) || error.issues === undefined) throw error;
    throw new AppError(
      error.code,
      error.message,
      error.issues.map((issue) => ({ ...issue, path: place(issue.path) })),
    );
  }
}

const under =
  (...prefix: string[]) =>
  (path: FieldIssue['path']) => [...prefix, ...path];

/** The application's `subjectId` is the intake's `subject.applicantId`. */
const subjectAsSent = (path: FieldIssue['path']) => (path[0] === 'subjectId' ? ['subject', 'applicantId', ...path.slice(1)] : path);

/** A person given by id, or entered (new or corrected) and saved under `prefix`. */
function personId(
  env: CommandEnv,
  given: { applicantId?: string | undefined; applicant?: ApplicantData | undefined },
  prefix: string[],
): string {
  const entered = given.applicant;
  if (entered !== undefined) return rethrowUnder(() => upsertApplicant(env, entered).id, under(...prefix));
  if (given.applicantId !== undefined) return given.applicantId;
  throw new AppError('VALIDATION', 'No person given', [{ path: [...prefix.slice(0, -1), 'applicantId'], message: 'required' }]);
}

/**
 * Registers an application together with every person it names — the applicant, the
 * representative and the person the service concerns — each new, corrected or chosen as is:
 * the records, their outbox mutations and audit events in one transaction. A refusal of any
 * part (a duplicate person, an expired document, a service withdrawn since the clerk chose it)
 * leaves nothing behind. A representative entered exactly as the applicant is the applicant
 * (a mother applying for her child as its legal representative), not a second record of her.
 */
export function registerIntake(env: CommandEnv, input: RegisterIntakeData): StoredApplication {
  const { applicant, applicantId, representative, subject, ...application } = input;
  return runCommand(env.db, () => {
    const id = personId(env, { applicantId, applicant }, ['applicant']);
    const sameAsApplicant =
      representative?.applicant !== undefined &&
      applicant !== undefined &&
      JSON.stringify(representative.applicant) === JSON.stringify(applicant);
    const rep =
      representative === undefined
        ? undefined
        : {
            applicantId: sameAsApplicant ? id : personId(env, representative, ['representative', 'applicant']),
            authority: representative.authority,
          };
    const subjectId = subject === undefined ? undefined : personId(env, subject, ['subject', 'applicant']);
    return rethrowUnder(
      () =>
        registerApplication(env, {
          ...application,
          applicantId: id,
          ...(rep ? { representative: rep } : {}),
          ...(subjectId !== undefined ? { subjectId } : {}),
        }),
      subjectAsSent,
    );
  });
}
