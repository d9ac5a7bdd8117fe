import { AppError } from '../errors';
import type { ComputedFee, FeeComponentData, SubsistenceMinimum } from './fee-rule';

type FeeLine = ComputedFee['lines'][number];
type Rounding = Extract<FeeComponentData['amount'], { type: 'subsistence_share' }>['rounding'];

const ROUNDING_KOPECKS: Record<Rounding, number> = { kopeck: 1, hryvnia: 100, ten_hryvnias: 1000 };

/** Whether a component applies to a case with these conditions, registered on that day. */
export function componentApplies(component: FeeComponentData, conditions: readonly string[], registeredOn: string): boolean {
  if (component.when !== undefined && !conditions.includes(component.when)) return false;
  if (component.unless !== undefined && conditions.includes(component.unless)) return false;
  if (component.effectiveFrom !== undefined && registeredOn < component.effectiveFrom) return false;
  // Inclusive: a tariff valid "to 31 December" still applies on that day.
  if (component.effectiveTo !== undefined && registeredOn > component.effectiveTo) return false;
  return true;
}

/** The subsistence minimum of a year from the table; a year the table lacks is the catalog's gap, said plainly. */
export function subsistenceMinimumOf(year: number, table: readonly SubsistenceMinimum[]): number {
  const row = table.find((r) => r.year === year);
  if (!row) {
    throw new AppError('VALIDATION', `The subsistence minimum for ${year} is not in the catalog: the fee cannot be computed`, [
      { path: ['subsistenceMinimum', year], message: 'fee.subsistence_year_missing' },
    ]);
  }
  return row.workingAgeKopecks;
}

function lineOf(component: FeeComponentData, year: number, table: readonly SubsistenceMinimum[]): FeeLine {
  const base = { kind: component.kind, ...(component.payee === undefined ? {} : { payee: component.payee }) };
  if (component.amount.type === 'fixed') return { ...base, amountKopecks: component.amount.kopecks };
  const { share, rounding } = component.amount;
  const step = ROUNDING_KOPECKS[rounding];
  // toFixed(6) drops binary noise first (0.015 × 332 800 is 4 992.000000000001), so a half rounds as written.
  const exact = Number((share * subsistenceMinimumOf(year, table)).toFixed(6));
  return { ...base, amountKopecks: Math.round(exact / step) * step, share, subsistenceYear: year };
}

/**
 * The fee of a tier for a case (docs/ARCHITECTURE.md §6.4): the components whose conditions and
 * effective dates hold on `registeredOn`, each fixed or a share of the working-age subsistence
 * minimum on 1 January of that day's year, rounded as the component says. An exemption (пільга)
 * keeps the lines, each at 0, and the reason: the case shows what was waived and why.
 */
export function feeFor(
  tier: { fees: readonly FeeComponentData[] },
  conditions: readonly string[],
  exemption: { reason: string } | null,
  registeredOn: string,
  subsistenceTable: readonly SubsistenceMinimum[],
): ComputedFee {
  const year = Number(registeredOn.slice(0, 4));
  const lines = tier.fees
    .filter((c) => componentApplies(c, conditions, registeredOn))
    .map((c) => lineOf(c, year, subsistenceTable))
    .map((line) => (exemption === null ? line : { ...line, amountKopecks: 0 }));
  return {
    totalKopecks: lines.reduce((sum, line) => sum + line.amountKopecks, 0),
    lines,
    conditions: [...conditions],
    exemption: exemption === null ? null : { reason: exemption.reason },
  };
}
