import { z } from 'zod';
import { DeadlineRule } from './deadline-rule';
import { ComputedFee } from './fee-rule';

/**
 * The terms a case was registered under: the tier chosen, its deadline rule (the 30-day default
 * where no law states one, then `termStated` is false) and the fee computed then. Part of the
 * case's snapshot: a later catalog change never alters them.
 */
export const CaseTerms = z
  .object({
    tier: z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string() }).strict(),
    deadline: DeadlineRule,
    termStated: z.boolean(),
    fee: ComputedFee,
  })
  .strict();
export type CaseTerms = z.infer<typeof CaseTerms>;
