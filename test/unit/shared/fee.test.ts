import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feeFor } from '../../../shared/domain/fee';
import { FeeComponent } from '../../../shared/domain/fee-rule';
import type { FeeComponentInput, SubsistenceMinimum } from '../../../shared/domain/fee-rule';
import { AppError } from '../../../shared/errors';

const TABLE: SubsistenceMinimum[] = [
  { year: 2025, workingAgeKopecks: 302_800 },
  { year: 2026, workingAgeKopecks: 332_800 },
];
const tier = (...fees: FeeComponentInput[]) => ({ fees: fees.map((f) => FeeComponent.parse(f)) });

/** Residence registration: 1.5 % of the subsistence minimum on time, 2.5 % when the person applies late. */
const RESIDENCE = tier(
  { kind: 'admin_fee', amount: { type: 'subsistence_share', share: 0.015 }, unless: 'late' },
  { kind: 'admin_fee', amount: { type: 'subsistence_share', share: 0.025 }, when: 'late' },
);

describe('the fee of a case', () => {
  it('residence registration in 2026 is 1.5 % of the table’s minimum on time and 2.5 % late', () => {
    const row = TABLE.find((r) => r.year === 2026)!;
    const onTime = feeFor(RESIDENCE, [], null, '2026-12-03', TABLE);
    const late = feeFor(RESIDENCE, ['late'], null, '2026-12-03', TABLE);
    expect(onTime.totalKopecks).toBe(Math.round(row.workingAgeKopecks * 0.015));
    expect(late.totalKopecks).toBe(Math.round(row.workingAgeKopecks * 0.025));
    expect([onTime.totalKopecks, late.totalKopecks]).toEqual([4992, 8320]);
    expect(onTime.lines).toEqual([{ kind: 'admin_fee', amountKopecks: 4992, share: 0.015, subsistenceYear: 2026 }]);
    expect(late.conditions).toEqual(['late']);
  });

  it('takes the minimum of the year the case is registered in', () => {
    expect(feeFor(RESIDENCE, [], null, '2025-12-31', TABLE).totalKopecks).toBe(4542);
  });

  it('rounds a share to 10 hryvnias when the component says so (property rights, 2 hours: 5 ПМ)', () => {
    const fast = tier({ kind: 'admin_fee', amount: { type: 'subsistence_share', share: 5, rounding: 'ten_hryvnias' } });
    expect(feeFor(fast, [], null, '2026-03-01', TABLE).totalKopecks).toBe(1_664_000);
    const tenth = tier({ kind: 'admin_fee', amount: { type: 'subsistence_share', share: 0.1, rounding: 'ten_hryvnias' } });
    // 0.1 × 3 328 = 332.80 UAH → 330 UAH.
    expect(feeFor(tenth, [], null, '2026-03-01', TABLE).totalKopecks).toBe(33_000);
    const hryvnia = tier({ kind: 'blank', amount: { type: 'subsistence_share', share: 0.1, rounding: 'hryvnia' } });
    expect(feeFor(hryvnia, [], null, '2026-03-01', TABLE).totalKopecks).toBe(33_300);
  });

  it('adds the components that hold: a blank and an admin fee, the first issue free of the admin fee', () => {
    const idCard = tier(
      { kind: 'admin_fee', amount: { type: 'fixed', kopecks: 10_000 }, unless: 'first_issue' },
      { kind: 'blank', amount: { type: 'fixed', kopecks: 45_800 }, unless: 'first_issue', payee: 'ДП «Документ»' },
    );
    expect(feeFor(idCard, [], null, '2026-12-03', TABLE).totalKopecks).toBe(55_800);
    expect(feeFor(idCard, ['first_issue'], null, '2026-12-03', TABLE)).toEqual({
      totalKopecks: 0,
      lines: [],
      conditions: ['first_issue'],
      exemption: null,
    });
  });

  it('keeps a component to its effective dates, both ends inclusive', () => {
    const tariff = tier(
      { kind: 'paid_service', amount: { type: 'fixed', kopecks: 100 }, effectiveTo: '2026-06-30' },
      { kind: 'paid_service', amount: { type: 'fixed', kopecks: 200 }, effectiveFrom: '2026-07-01' },
    );
    expect(feeFor(tariff, [], null, '2026-06-30', TABLE).totalKopecks).toBe(100);
    expect(feeFor(tariff, [], null, '2026-07-01', TABLE).totalKopecks).toBe(200);
  });

  it('an exemption zeroes the amount and keeps the reason and the lines, each at 0', () => {
    const fee = feeFor(RESIDENCE, ['late'], { reason: 'Особа з інвалідністю I групи' }, '2026-12-03', TABLE);
    expect(fee.totalKopecks).toBe(0);
    expect(fee.exemption).toEqual({ reason: 'Особа з інвалідністю I групи' });
    expect(fee.lines).toEqual([{ kind: 'admin_fee', amountKopecks: 0, share: 0.025, subsistenceYear: 2026 }]);
  });

  it('a year missing from the table is a clear error naming the year, not a zero fee', () => {
    const call = () => feeFor(RESIDENCE, [], null, '2027-01-04', TABLE);
    expect(call).toThrow(AppError);
    expect(call).toThrow(/subsistence minimum for 2027/);
    // A fixed fee needs no table.
    expect(feeFor(tier({ kind: 'admin_fee', amount: { type: 'fixed', kopecks: 500 } }), [], null, '2027-01-04', []).totalKopecks).toBe(500);
  });
});

const component = fc.record({
  kind: fc.constantFrom('admin_fee' as const, 'blank' as const, 'paid_service' as const),
  amount: fc.oneof(
    fc.record({ type: fc.constant('fixed' as const), kopecks: fc.integer({ min: 0, max: 10_000_000 }) }),
    fc.record({
      type: fc.constant('subsistence_share' as const),
      share: fc.integer({ min: 1, max: 50_000 }).map((n) => n / 10_000),
      rounding: fc.constantFrom('kopeck' as const, 'hryvnia' as const, 'ten_hryvnias' as const),
    }),
  ),
  when: fc.option(fc.constantFrom('late', 'first_issue'), { nil: undefined }),
  unless: fc.option(fc.constantFrom('late', 'first_issue'), { nil: undefined }),
});
const conditions = fc.subarray(['late', 'first_issue']);

describe('fees over random components and conditions', () => {
  it('the total is the sum of the lines, each line a component that holds, rounded to its step', () => {
    fc.assert(
      fc.property(fc.array(component, { maxLength: 6 }), conditions, (components, marked) => {
        const fee = feeFor(tier(...components), marked, null, '2026-05-05', TABLE);
        const holding = components.filter(
          (c) => (c.when === undefined || marked.includes(c.when)) && (c.unless === undefined || !marked.includes(c.unless)),
        );
        expect(fee.lines.map((l) => l.kind)).toEqual(holding.map((c) => c.kind));
        expect(fee.totalKopecks).toBe(fee.lines.reduce((sum, l) => sum + l.amountKopecks, 0));
        holding.forEach((c, i) => {
          const line = fee.lines[i]!;
          if (c.amount.type === 'fixed') expect(line.amountKopecks).toBe(c.amount.kopecks);
          else {
            const step = { kopeck: 1, hryvnia: 100, ten_hryvnias: 1000 }[c.amount.rounding];
            expect(line.amountKopecks % step).toBe(0);
            expect(Math.abs(line.amountKopecks - c.amount.share * 332_800)).toBeLessThanOrEqual(step / 2 + 1e-6);
          }
        });
      }),
    );
  });

  it('an exemption always totals 0 and keeps the same lines', () => {
    fc.assert(
      fc.property(fc.array(component, { maxLength: 6 }), conditions, (components, marked) => {
        const paid = feeFor(tier(...components), marked, null, '2026-05-05', TABLE);
        const exempt = feeFor(tier(...components), marked, { reason: 'пільга' }, '2026-05-05', TABLE);
        expect(exempt.totalKopecks).toBe(0);
        expect(exempt.lines.map((l) => ({ ...l, amountKopecks: 0 }))).toEqual(paid.lines.map((l) => ({ ...l, amountKopecks: 0 })));
        expect(exempt.lines.every((l) => l.amountKopecks === 0)).toBe(true);
      }),
    );
  });
});
