import { z } from 'zod';

/**
 * What a status move records besides the status (docs/ARCHITECTURE.md §6.1): the provider's
 * decision, who received the result, the postal tracking number, where a case was transferred,
 * the applicant's written withdrawal. The machine (application-status.ts) says which move needs
 * which; these are their shapes, the same in the contract, the sync payload and the record.
 */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * The provider's decision. A refusal names its decision (number and date) and the grounds picked
 * from the service's information card (their codes: the law lists them per service, art. 5 of the
 * Law on Administrative Services); a comment says what the list cannot.
 */
export const Outcome = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('positive'),
      decisionNumber: Text(60).optional(),
      decisionDate: Day.optional(),
      comment: Text(2000).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('negative'),
      decisionNumber: Text(60),
      decisionDate: Day,
      grounds: z.array(Text(64)).min(1).max(50),
      comment: Text(2000).optional(),
    })
    .strict(),
]);
export type Outcome = z.infer<typeof Outcome>;

/** Who took the result at the window: the applicant, or the representative whose authority covers it; name and document as checked. */
export const Receiver = z
  .object({
    party: z.enum(['applicant', 'representative']),
    name: Text(300),
    document: Text(200),
  })
  .strict();
export type Receiver = z.infer<typeof Receiver>;

/** The applicant's written request to withdraw (заява про відкликання): its number and date. */
export const Withdrawal = z.object({ requestNumber: Text(60), requestDate: Day }).strict();
export type Withdrawal = z.infer<typeof Withdrawal>;

/** A period the provider stopped the case (залишення без руху, зупинення): from the day it stopped to the day it resumed (null while it lasts). */
export const Suspension = z.object({ from: Day, to: Day.nullable(), reason: z.string() }).strict();
export type Suspension = z.infer<typeof Suspension>;

/** The data fields a move may carry; the machine says which one each move needs. */
export const MoveData = z
  .object({
    reason: Text(2000).optional(),
    outcome: Outcome.optional(),
    receiver: Receiver.optional(),
    trackingNumber: Text(60).optional(),
    /** The competent body a case is transferred to (передано за належністю). */
    transferTo: Text(300).optional(),
    withdrawal: Withdrawal.optional(),
  })
  .strict();
export type MoveData = z.infer<typeof MoveData>;
