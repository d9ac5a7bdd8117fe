import { z } from 'zod';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1).max(max);
/** A condition's id as the catalog names it (`late`, `first_issue`). */
export const ConditionId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'condition.id_format');

/** What a fee component pays for: the administrative fee, the blank (passports), a paid service. */
export const FeeComponentKind = z.enum(['admin_fee', 'blank', 'paid_service']);
export type FeeComponentKind = z.infer<typeof FeeComponentKind>;

/** How an amount computed from the subsistence minimum is rounded (some fees round to 10 UAH). */
export const FeeRounding = z.enum(['kopeck', 'hryvnia', 'ten_hryvnias']);

/**
 * An amount: fixed, or a share of the subsistence minimum for working-age persons on 1 January of
 * the year the application is registered in (`share` 0.015 = 1.5 %), from the yearly table.
 */
export const FeeAmount = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed'), kopecks: z.number().int().min(0).max(1_000_000_000) }).strict(),
  z
    .object({ type: z.literal('subsistence_share'), share: z.number().positive().max(100), rounding: FeeRounding.default('kopeck') })
    .strict(),
]);

/**
 * One component of a tier's fee. `when` / `unless` name a condition the clerk marks at intake
 * (late filing, first issue); `effectiveFrom` / `effectiveTo` bound it in time (a tariff change).
 */
export const FeeComponent = z
  .object({
    kind: FeeComponentKind,
    amount: FeeAmount,
    when: ConditionId.optional(),
    unless: ConditionId.optional(),
    effectiveFrom: Day.optional(),
    effectiveTo: Day.optional(),
    /** Whom it is paid to (payee and account), as the card prints it. */
    payee: Text(500).optional(),
  })
  .strict();
export type FeeComponentInput = z.input<typeof FeeComponent>;
export type FeeComponentData = z.output<typeof FeeComponent>;

/** A fact that changes the fee, asked at intake: «Перше оформлення», «Звернення з порушенням строку». */
export const FeeCondition = z.object({ id: ConditionId, nameUk: Text(300), nameEn: Text(300) }).strict();
export type FeeCondition = z.infer<typeof FeeCondition>;

/** The subsistence minimum for working-age persons on 1 January of a year (the state budget law), as data. */
export const SubsistenceMinimum = z
  .object({ year: z.number().int().min(2000).max(2100), workingAgeKopecks: z.number().int().positive() })
  .strict();
export type SubsistenceMinimum = z.infer<typeof SubsistenceMinimum>;

/** One computed line of the fee, as the case keeps and the receipt prints it. */
export const FeeLine = z
  .object({
    kind: FeeComponentKind,
    amountKopecks: z.number().int().nonnegative(),
    /** How it was computed, for the receipt: a fixed sum, or share × ПМ of the year. */
    share: z.number().positive().optional(),
    subsistenceYear: z.number().int().optional(),
    payee: z.string().optional(),
  })
  .strict();

/** The fee of a case as computed at registration; an exemption (пільга) zeroes it and keeps why. */
export const ComputedFee = z
  .object({
    totalKopecks: z.number().int().nonnegative(),
    lines: z.array(FeeLine),
    /** The conditions the clerk marked (ids of the service's `feeConditions`). */
    conditions: z.array(ConditionId),
    exemption: z
      .object({ reason: Text(500) })
      .strict()
      .nullable(),
  })
  .strict();
export type ComputedFee = z.infer<typeof ComputedFee>;
