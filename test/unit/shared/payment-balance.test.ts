import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComputedFee, FeeComponentKind } from '../../../shared/domain/fee-rule';
import { AddPayment, paymentBalance, paymentDateIssues } from '../../../shared/domain/payment';
import type { PaymentEntry, PaymentRecord } from '../../../shared/domain/payment';

const KINDS: FeeComponentKind[] = ['admin_fee', 'blank', 'paid_service'];
const kind = fc.constantFrom(...KINDS);

function record(entry: PaymentEntry, cancelled = false, n = 0): PaymentRecord {
  return {
    id: `p${n}`,
    entry,
    at: '2026-12-01T10:00:00.000Z',
    clerkId: 'c1',
    cancelled: cancelled ? { at: '2026-12-01T11:00:00.000Z', reason: 'typo', clerkId: 'c1' } : null,
  };
}

function pay(component: FeeComponentKind, amountKopecks: number): PaymentEntry {
  return { type: 'payment', component, amountKopecks, reference: 'КВ-1', paidOn: '2026-12-01' };
}

const feeArb = fc
  .array(fc.record({ kind, amountKopecks: fc.integer({ min: 0, max: 10_000_000 }) }), { minLength: 0, maxLength: 4 })
  .map((lines): ComputedFee => ({ totalKopecks: lines.reduce((s, l) => s + l.amountKopecks, 0), lines, conditions: [], exemption: null }));

const entryArb: fc.Arbitrary<PaymentEntry> = fc.oneof(
  fc.record({ component: kind, amountKopecks: fc.integer({ min: 1, max: 10_000_000 }) }).map((p) => pay(p.component, p.amountKopecks)),
  fc
    .option(kind, { nil: undefined })
    .map((component): PaymentEntry => ({ type: 'exemption', reason: 'ветеран війни', ...(component ? { component } : {}) })),
);
const recordsArb = fc.array(fc.tuple(entryArb, fc.boolean()), { maxLength: 8 }).map((xs) => xs.map(([e, c], i) => record(e, c, i)));

/** One payment per fee component for exactly what it is due. */
function payingTheDue(fee: ComputedFee): PaymentRecord[] {
  return fee.lines.filter((l) => l.amountKopecks > 0).map((l, i) => record(pay(l.kind, l.amountKopecks), false, i));
}

describe('paymentBalance', () => {
  it('paying every component its due settles the case, whatever it costs', () => {
    fc.assert(
      fc.property(feeArb, (fee) => {
        const balance = paymentBalance(fee, payingTheDue(fee));
        expect(balance.settled).toBe(true);
        expect(balance.outstandingKopecks).toBe(0);
        expect(balance.paidKopecks).toBe(fee.totalKopecks);
      }),
    );
  });

  it('a case with something due and nothing paid is not settled, and owes the whole fee', () => {
    fc.assert(
      fc.property(
        feeArb.filter((f) => f.totalKopecks > 0),
        (fee) => {
          const balance = paymentBalance(fee, []);
          expect(balance.settled).toBe(false);
          expect(balance.outstandingKopecks).toBe(fee.totalKopecks);
          expect(balance.dueKopecks).toBe(fee.totalKopecks);
        },
      ),
    );
  });

  it('an exemption settles its component, and only that one', () => {
    fc.assert(
      fc.property(
        feeArb.filter((f) => new Set(f.lines.filter((l) => l.amountKopecks > 0).map((l) => l.kind)).size >= 2),
        (fee) => {
          const [first, ...rest] = [...new Set(fee.lines.filter((l) => l.amountKopecks > 0).map((l) => l.kind))];
          const balance = paymentBalance(fee, [record({ type: 'exemption', component: first!, reason: 'пільга' })]);
          const by = (k: FeeComponentKind) => balance.components.find((c) => c.kind === k)!;
          expect(by(first!)).toMatchObject({ exempt: true, settled: true });
          for (const other of rest) expect(by(other)).toMatchObject({ exempt: false, settled: false });
          expect(balance.settled).toBe(false);
        },
      ),
    );
  });

  it('an exemption without a component waives the whole fee', () => {
    fc.assert(
      fc.property(feeArb, (fee) => {
        const balance = paymentBalance(fee, [record({ type: 'exemption', reason: 'дитина з інвалідністю' })]);
        expect(balance).toMatchObject({ exempt: true, settled: true, outstandingKopecks: 0, dueKopecks: fee.totalKopecks });
      }),
    );
  });

  it('totals are never negative, outstanding never exceeds due, and paid is the sum of live payments', () => {
    fc.assert(
      fc.property(feeArb, recordsArb, (fee, records) => {
        const balance = paymentBalance(fee, records);
        expect(balance.dueKopecks).toBeGreaterThanOrEqual(0);
        expect(balance.paidKopecks).toBeGreaterThanOrEqual(0);
        expect(balance.outstandingKopecks).toBeGreaterThanOrEqual(0);
        expect(balance.outstandingKopecks).toBeLessThanOrEqual(balance.dueKopecks);
        const livePaid = records
          .filter((r) => r.cancelled === null && r.entry.type === 'payment')
          .reduce((s, r) => s + (r.entry.type === 'payment' ? r.entry.amountKopecks : 0), 0);
        expect(balance.paidKopecks).toBe(livePaid);
        expect(balance.settled).toBe(balance.components.every((c) => c.settled));
      }),
    );
  });

  it('a cancelled payment counts for nothing', () => {
    fc.assert(
      fc.property(
        feeArb.filter((f) => f.totalKopecks > 0),
        (fee) => {
          const cancelled = payingTheDue(fee).map((r) => ({ ...r, cancelled: { at: r.at, reason: 'помилкова сума', clerkId: 'c1' } }));
          expect(paymentBalance(fee, cancelled)).toEqual(paymentBalance(fee, []));
        },
      ),
    );
  });

  it('a payment to one component never covers another', () => {
    const fee: ComputedFee = {
      totalKopecks: 3000,
      lines: [
        { kind: 'admin_fee', amountKopecks: 1000 },
        { kind: 'blank', amountKopecks: 2000 },
      ],
      conditions: [],
      exemption: null,
    };
    const balance = paymentBalance(fee, [record(pay('admin_fee', 5000))]);
    expect(balance.components).toEqual([
      { kind: 'admin_fee', dueKopecks: 1000, paidKopecks: 5000, exempt: false, settled: true },
      { kind: 'blank', dueKopecks: 2000, paidKopecks: 0, exempt: false, settled: false },
    ]);
    expect(balance).toMatchObject({ settled: false, outstandingKopecks: 2000, paidKopecks: 5000 });
  });

  it('an exemption made at registration settles the case', () => {
    const fee: ComputedFee = { totalKopecks: 0, lines: [], conditions: [], exemption: { reason: 'учасник бойових дій' } };
    expect(paymentBalance(fee, [])).toMatchObject({ exempt: true, settled: true, tracked: true });
  });

  it('a case registered before fees were kept with it has nothing known to be due', () => {
    expect(paymentBalance(null, [])).toEqual({
      tracked: false,
      dueKopecks: 0,
      paidKopecks: 0,
      outstandingKopecks: 0,
      exempt: false,
      components: [],
      settled: true,
    });
  });
});

describe('payment entries', () => {
  const ok = { applicationId: 'a1', entry: pay('admin_fee', 4992) };

  it('needs a positive amount, a reference and a day, with the path of each', () => {
    const bad = AddPayment.safeParse({
      applicationId: 'a1',
      entry: { type: 'payment', component: 'admin_fee', amountKopecks: 0, reference: '  ', paidOn: '01.12.2026' },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message]).sort()).toEqual([
      ['entry.amountKopecks', 'payment.amount_positive'],
      ['entry.paidOn', 'use YYYY-MM-DD'],
      ['entry.reference', 'payment.required'],
    ]);
    expect(AddPayment.safeParse(ok).success).toBe(true);
  });

  it('an exemption needs its reason', () => {
    const bad = AddPayment.safeParse({ applicationId: 'a1', entry: { type: 'exemption', reason: '' } });
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['entry.reason', 'payment.required']]);
  });

  it('a payment dated after today is refused at its date; today and earlier pass', () => {
    expect(paymentDateIssues(pay('blank', 1), '2026-11-30')).toEqual([{ path: ['entry', 'paidOn'], message: 'payment.paid_on_future' }]);
    expect(paymentDateIssues(pay('blank', 1), '2026-12-01')).toEqual([]);
    expect(paymentDateIssues({ type: 'exemption', reason: 'пільга' }, '2000-01-01')).toEqual([]);
  });
});
