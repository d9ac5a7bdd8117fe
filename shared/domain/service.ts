import { z } from 'zod';

export const DeadlineUnit = z.enum(['working_days', 'calendar_days']);

/** A catalog service as the information card describes it. */
export const Service = z.object({
  id: z.string(),
  code: z.string(),
  nameUk: z.string(),
  nameEn: z.string(),
  providerUk: z.string(),
  providerEn: z.string(),
  feeKopecks: z.number().int().nonnegative(),
  deadlineValue: z.number().int().positive(),
  deadlineUnit: DeadlineUnit,
  /** The information card asks for the applicant's РНОКПП: a person without one (but for religious refusal) cannot apply. */
  requiresRnokpp: z.boolean(),
  /** The law requires the person to attend (biometrics, an oath): no representative may apply. */
  personalAttendance: z.boolean(),
  /** False once the service left the catalog: old applications still show it, new ones cannot pick it. */
  active: z.boolean(),
  documents: z.array(z.object({ position: z.number().int().positive(), nameUk: z.string(), nameEn: z.string(), required: z.boolean() })),
});
export type Service = z.infer<typeof Service>;
