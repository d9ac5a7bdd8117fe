import type { ComputedFee, SubsistenceMinimum } from '../../../../shared/domain/fee-rule';
import { feeFor } from '../../../../shared/domain/fee';
import { DEFAULT_DEADLINE } from '../../../../shared/domain/deadline-rule';
import type { DeadlineRuleData } from '../../../../shared/domain/deadline-rule';
import { deadlineWording } from '../../../../shared/domain/deadline-wording';
import type { ServiceTier } from '../../../../shared/domain/service';
import type { Translate } from '../../i18n/dictionary';
import type { Language } from '../../i18n/language';
import { formatUah } from '../../lib/format';

/** A term as the receipt words it; a tier with no stated term shows the legal default and says so. */
export function deadlineText(t: Translate, language: Language, deadline: DeadlineRuleData | null): string {
  if (deadline === null) return t('terms.notStated', { wording: deadlineWording(DEFAULT_DEADLINE, language) });
  return deadlineWording(deadline, language);
}

export function feeText(t: Translate, fee: ComputedFee): string {
  if (fee.exemption !== null) return t('terms.exempt', { reason: fee.exemption.reason });
  return fee.totalKopecks === 0 ? t('terms.free') : t('terms.fee', { uah: formatUah(fee.totalKopecks) });
}

/**
 * The fee of a tier with no conditions marked, as registration would compute it today; null when
 * the subsistence-minimum table lacks this year (registration then refuses with the reason).
 */
export function plainFee(tier: Pick<ServiceTier, 'fees'>, today: string, table: readonly SubsistenceMinimum[]): ComputedFee | null {
  try {
    return feeFor(tier, [], null, today, table);
  } catch {
    return null;
  }
}

/** One line for a service in the search list: its first tier's term and fee. */
export function serviceTerms(
  t: Translate,
  language: Language,
  service: { tiers: readonly ServiceTier[] },
  today: string,
  table: readonly SubsistenceMinimum[],
): string {
  const [tier] = service.tiers;
  if (!tier) return '';
  const fee = plainFee(tier, today, table);
  const deadline = t('terms.deadline', { deadline: deadlineText(t, language, tier.deadline) });
  return fee === null ? deadline : `${deadline} · ${feeText(t, fee)}`;
}
