import { z } from 'zod';

/**
 * A legal term as the information card states it (docs/ARCHITECTURE.md §6.4): how long, in what
 * unit, whether it is a latest date (most services) or an earliest one (a marriage is registered
 * not before a month has passed), and from which event it runs. Only an `intake` anchor gives a
 * date at registration; a later anchor is printed as wording ("не пізніше … з дня …").
 */
export const DEADLINE_UNITS = ['hours', 'working_days', 'calendar_days', 'months', 'same_day'] as const;
export const DeadlineUnit = z.enum(DEADLINE_UNITS);
export type DeadlineUnit = z.infer<typeof DeadlineUnit>;
export const DeadlineKind = z.enum(['not_after', 'not_before']);
export type DeadlineKind = z.infer<typeof DeadlineKind>;
export const DeadlineAnchor = z.enum(['intake', 'handoff', 'register_entry']);
export type DeadlineAnchor = z.infer<typeof DeadlineAnchor>;

export const DeadlineRule = z
  .object({
    /** 0 exactly when the unit is `same_day`. */
    value: z.number().int().min(0).max(1000),
    unit: DeadlineUnit,
    kind: DeadlineKind.default('not_after'),
    anchor: DeadlineAnchor.default('intake'),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if ((rule.unit === 'same_day') !== (rule.value === 0)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'deadline.value_unit' });
    }
  });
export type DeadlineRuleInput = z.input<typeof DeadlineRule>;
export type DeadlineRuleData = z.output<typeof DeadlineRule>;

/** Where no law sets a term: at most 30 calendar days from submission (Law on Administrative Services, art. 10). */
export const DEFAULT_DEADLINE: DeadlineRuleData = { value: 30, unit: 'calendar_days', kind: 'not_after', anchor: 'intake' };
