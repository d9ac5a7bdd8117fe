import { AppError } from '../errors';
import type { FieldIssue } from '../errors';
import type { CaseTerms } from './case-snapshot';
import { DEFAULT_DEADLINE } from './deadline-rule';
import { feeFor } from './fee';
import type { SubsistenceMinimum } from './fee-rule';
import type { Service } from './service';

/** What the clerk chose at intake: the tier (the first when none), the fee conditions that hold, an exemption. */
export interface TermsChoice {
  tierId?: string | undefined;
  conditions?: readonly string[] | undefined;
  exemption?: { reason: string } | null | undefined;
}

/**
 * The terms a case is registered under (docs/ARCHITECTURE.md §6.4): the chosen tier, its deadline rule
 * (the 30-calendar-day default where no law states one, marked `termStated: false`) and the fee
 * computed for `day`. A tier or condition the service does not have is refused, naming the field.
 */
export function termsFor(
  service: Pick<Service, 'tiers' | 'feeConditions'>,
  choice: TermsChoice,
  day: string,
  subsistenceTable: readonly SubsistenceMinimum[],
): CaseTerms {
  const issues: FieldIssue[] = [];
  const tier = choice.tierId === undefined ? service.tiers[0] : service.tiers.find((t) => t.id === choice.tierId);
  if (!tier) issues.push({ path: ['tierId'], message: 'terms.unknown_tier' });
  const chosen = choice.conditions ?? [];
  chosen.forEach((id, i) => {
    if (!service.feeConditions.some((c) => c.id === id)) issues.push({ path: ['feeConditions', i], message: 'terms.unknown_condition' });
  });
  const conditions = [...new Set(chosen)];
  if (!tier || issues.length > 0)
    throw new AppError('VALIDATION', issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), issues);
  return {
    tier: { id: tier.id, nameUk: tier.nameUk, nameEn: tier.nameEn },
    deadline: tier.deadline ?? DEFAULT_DEADLINE,
    termStated: tier.deadline !== null,
    fee: feeFor(tier, conditions, choice.exemption ?? null, day, subsistenceTable),
  };
}
