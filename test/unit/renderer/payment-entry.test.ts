import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPaymentDraft, issueProblem, parseUah } from '../../../renderer/src/features/payments/payment-entry';
import type { PaymentDraft } from '../../../renderer/src/features/payments/payment-entry';
import { formatUah } from '../../../renderer/src/lib/format';

const DRAFT: PaymentDraft = {
  type: 'payment',
  component: 'admin_fee',
  amount: '49,92',
  reference: ' КВ-0042 ',
  paidOn: '27.11.2026',
  payer: '',
  reason: '',
  document: '',
};

describe('parseUah', () => {
  it('reads back every amount the card prints', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (kopecks) => {
        expect(parseUah(formatUah(kopecks))).toBe(kopecks);
      }),
    );
  });

  it('takes a point or a comma, one or two decimals and thousands spaces; refuses the rest', () => {
    expect([parseUah('49.92'), parseUah('49,9'), parseUah('1 234,50'), parseUah(' 83,2 ')]).toEqual([4992, 4990, 123450, 8320]);
    expect([parseUah('49,925'), parseUah('-5'), parseUah('49 грн'), parseUah(''), parseUah(',50')]).toEqual([null, null, null, null, null]);
  });
});

describe('checkPaymentDraft', () => {
  it('turns a filled payment form into the entry the contract takes', () => {
    expect(checkPaymentDraft(DRAFT, '2026-11-27')).toEqual({
      ok: true,
      entry: { type: 'payment', component: 'admin_fee', amountKopecks: 4992, reference: 'КВ-0042', paidOn: '2026-11-27' },
    });
  });

  it('names each field that blocks a payment', () => {
    const checked = checkPaymentDraft({ ...DRAFT, component: '', amount: '0', reference: ' ', paidOn: '28.11.2026' }, '2026-11-27');
    expect(checked).toEqual({
      ok: false,
      problems: [
        { field: 'component', key: 'payments.err.component' },
        { field: 'amount', key: 'payments.err.amount' },
        { field: 'reference', key: 'payments.err.reference' },
        { field: 'paidOn', key: 'payments.err.paidOnFuture' },
      ],
    });
    expect(checkPaymentDraft({ ...DRAFT, paidOn: '31.02.2026' }, '2026-11-27')).toMatchObject({
      problems: [{ field: 'paidOn', key: 'payments.err.paidOnImpossible' }],
    });
    expect(checkPaymentDraft({ ...DRAFT, paidOn: '' }, '2026-11-27')).toMatchObject({
      problems: [{ field: 'paidOn', key: 'payments.err.paidOnFormat' }],
    });
  });

  it('an exemption needs only its reason; no component means the whole fee', () => {
    const exemption = { ...DRAFT, type: 'exemption' as const, component: '' as const };
    expect(checkPaymentDraft(exemption, '2026-11-27')).toEqual({ ok: false, problems: [{ field: 'reason', key: 'payments.err.reason' }] });
    expect(checkPaymentDraft({ ...exemption, reason: 'ветеран війни', document: 'УБД 123' }, '2026-11-27')).toEqual({
      ok: true,
      entry: { type: 'exemption', reason: 'ветеран війни', document: 'УБД 123' },
    });
    expect(checkPaymentDraft({ ...exemption, component: 'blank', reason: 'пільга' }, '2026-11-27')).toMatchObject({
      entry: { component: 'blank' },
    });
  });
});

describe('issueProblem', () => {
  it('puts the backend’s issues at the form’s fields, in the clerk’s words', () => {
    expect(issueProblem({ path: ['entry', 'paidOn'], message: 'payment.paid_on_future' })).toEqual({
      field: 'paidOn',
      key: 'payments.err.paidOnFuture',
    });
    expect(issueProblem({ path: ['entry', 'amountKopecks'], message: 'payment.amount_positive' })).toEqual({
      field: 'amount',
      key: 'payments.err.amount',
    });
    expect(issueProblem({ path: ['entry', 'reason'], message: 'payment.required' })).toEqual({
      field: 'reason',
      key: 'payments.err.reason',
    });
    expect(issueProblem({ path: ['reason'], message: 'payment.required' })).toEqual({
      field: 'cancelReason',
      key: 'payments.err.cancelReason',
    });
    expect(issueProblem({ path: ['paymentId'], message: 'payment.already_cancelled' })).toEqual({
      field: 'cancelReason',
      key: 'payments.err.alreadyCancelled',
    });
    expect(issueProblem({ path: ['entry', 'payer'], message: 'Too big' })).toEqual({ field: 'payer', key: 'payments.err.rejected' });
    expect(issueProblem({ path: ['applicationId'], message: 'no such application' })).toBeNull();
  });
});
