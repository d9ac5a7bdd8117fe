import { z } from 'zod';
import { ApplicantInput } from './applicant';
import { IntakeDocument } from '../documents';
import { Authority, RegisterApplication } from './application';

const exactlyOne = (id: string | undefined, data: unknown) => (id === undefined) !== (data === undefined);
const EITHER = { message: 'give either the person or the id of an existing one', path: ['applicantId'] };

/**
 * A person taking part besides the applicant (the representative, the person the service
 * concerns): chosen from search as they are (`applicantId`) or entered / corrected (`applicant`).
 */
const partyShape = { applicantId: z.string().min(1).max(64).optional(), applicant: ApplicantInput.optional() };
const Party = z
  .object(partyShape)
  .strict()
  .refine((p) => exactlyOne(p.applicantId, p.applicant), EITHER);
const RepresentativeParty = z
  .object({ ...partyShape, authority: Authority })
  .strict()
  .refine((p) => exactlyOne(p.applicantId, p.applicant), EITHER);

/**
 * One registration as the clerk submits it: the application with its applicant, its representative
 * and the person it concerns, written in one transaction. Each person is given as entered (new, or
 * corrected with its id) or by the id of one chosen from search as is; never both. Problems with a
 * person come back under its path (`applicant`, `representative.applicant`, `subject.applicant`),
 * the application's at its own fields.
 */
export const RegisterIntake = RegisterApplication.omit({ representative: true, subjectId: true })
  .extend({
    applicantId: RegisterApplication.shape.applicantId.optional(),
    applicant: ApplicantInput.optional(),
    representative: RepresentativeParty.optional(),
    subject: Party.optional(),
    /** Receipt lines given scanned or imported pages: each set's PDF is attached, its page count is the line's sheets. */
    documents: z.array(IntakeDocument).max(200).optional(),
  })
  .refine((input) => exactlyOne(input.applicantId, input.applicant), {
    message: 'give either the applicant or the id of an existing one',
    path: ['applicantId'],
  });
export type RegisterIntakeInput = z.input<typeof RegisterIntake>;
export type RegisterIntakeData = z.output<typeof RegisterIntake>;
