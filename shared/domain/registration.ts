import type { z } from 'zod';
import { ApplicantInput } from './applicant';
import { RegisterApplication } from './application';

/**
 * One registration as the clerk submits it: the application with its applicant, written in one
 * transaction. The applicant is `applicant` when new or corrected (with its id), or
 * `applicantId` when chosen from search as it is; never both. Problems with the applicant come
 * back under the path `applicant`, the application's at its own fields.
 */
export const RegisterIntake = RegisterApplication.extend({
  applicantId: RegisterApplication.shape.applicantId.optional(),
  applicant: ApplicantInput.optional(),
}).refine((input) => (input.applicant === undefined) !== (input.applicantId === undefined), {
  message: 'give either the applicant or the id of an existing one',
  path: ['applicantId'],
});
export type RegisterIntakeInput = z.input<typeof RegisterIntake>;
export type RegisterIntakeData = z.output<typeof RegisterIntake>;
