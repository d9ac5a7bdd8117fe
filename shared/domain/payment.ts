import { z } from 'zod';
import type { ApplicationStatus } from './application-status';
import { FeeComponentKind } from './fee-rule';
import type { ComputedFee } from './fee-rule';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1, 'payment.required').max(max);

/**
 * What a clerk enters against a case's fee (practice review §2.4 items 17–18): a payment the
 * citizen made (the квитанція or payment id is the proof), or an exemption (пільга) with its
 * reason — for one component, or for the whole fee when no component is named.
 */
export const PaymentEntry = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('payment'),
      component: FeeComponentKind,
      amountKopecks: z.number().int().positive('payment.amount_positive').max(1_000_000_000),
      reference: Text(100),
      /** The day the bank or terminal took the payment; not after the desk's today (checked by the command). */
      paidOn: Day,
      payer: Text(300).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('exemption'),
      component: FeeComponentKind.optional(),
      reason: Text(500),
      /** The paper the exemption rests on (a certificate's number), as the clerk saw it. */
      document: Text(300).optional(),
    })
    .strict(),
]);
export type PaymentEntry = z.infer<typeof PaymentEntry>;
export type PaymentEntryInput = z.input<typeof PaymentEntry>;

export const AddPayment = z.object({ applicationId: z.string().min(1).max(64), entry: PaymentEntry }).strict();
export type AddPaymentInput = z.input<typeof AddPayment>;

/** A wrongly entered payment is cancelled with a reason, never deleted: both stay in the history. */
export const CancelPayment = z
  .object({ applicationId: z.string().min(1).max(64), paymentId: z.string().min(1).max(64), reason: Text(1000) })
  .strict();
export type CancelPaymentInput = z.input<typeof CancelPayment>;

/** A payment or exemption as the case keeps it: the entry, who entered it and when, and its cancellation if any. */
export const PaymentRecord = z.object({
  id: z.string(),
  entry: PaymentEntry,
  at: z.string(),
  clerkId: z.string(),
  cancelled: z.object({ at: z.string(), reason: z.string(), clerkId: z.string() }).nullable(),
});
export type PaymentRecord = z.infer<typeof PaymentRecord>;

export const ComponentBalance = z.object({
  kind: FeeComponentKind,
  dueKopecks: z.number().int().nonnegative(),
  paidKopecks: z.number().int().nonnegative(),
  exempt: z.boolean(),
  settled: z.boolean(),
});
export type ComponentBalance = z.infer<typeof ComponentBalance>;

/**
 * Paid against due. `tracked` is false for cases registered before payments were recorded (their
 * fee may well have been paid on paper): nothing is owed on record, so they count as settled and
 * the card says why.
 */
export const PaymentBalance = z.object({
  tracked: z.boolean(),
  dueKopecks: z.number().int().nonnegative(),
  paidKopecks: z.number().int().nonnegative(),
  /** What is still to pay: each unsettled component's due less its payments. */
  outstandingKopecks: z.number().int().nonnegative(),
  /** The whole fee is waived: by an exemption at registration or one entered later without a component; `dueKopecks` still says what the fee was. */
  exempt: z.boolean(),
  components: z.array(ComponentBalance),
  settled: z.boolean(),
});
export type PaymentBalance = z.infer<typeof PaymentBalance>;

/** The components in the order the fee rule names them. */
const COMPONENT_ORDER = FeeComponentKind.options;

/**
 * The balance of a case: each component's due (its fee lines summed) against its payments.
 * A component is settled when paid ≥ due or exempt; payments to one component never cover
 * another (they go to different payees). Cancelled entries count for nothing.
 */
export function paymentBalance(fee: ComputedFee | null, records: readonly PaymentRecord[]): PaymentBalance {
  const live = records.filter((r) => r.cancelled === null).map((r) => r.entry);
  const exempt = (fee !== null && fee.exemption !== null) || live.some((e) => e.type === 'exemption' && e.component === undefined);
  const due = new Map<FeeComponentKind, number>();
  for (const line of fee?.lines ?? []) due.set(line.kind, (due.get(line.kind) ?? 0) + line.amountKopecks);
  const paid = new Map<FeeComponentKind, number>();
  const exemptComponents = new Set<FeeComponentKind>();
  for (const e of live) {
    if (e.type === 'payment') paid.set(e.component, (paid.get(e.component) ?? 0) + e.amountKopecks);
    else if (e.component !== undefined) exemptComponents.add(e.component);
  }
  const components = COMPONENT_ORDER.filter((kind) => due.has(kind) || paid.has(kind)).map((kind): ComponentBalance => {
    const dueKopecks = due.get(kind) ?? 0;
    const paidKopecks = paid.get(kind) ?? 0;
    const componentExempt = exempt || exemptComponents.has(kind);
    return { kind, dueKopecks, paidKopecks, exempt: componentExempt, settled: componentExempt || paidKopecks >= dueKopecks };
  });
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    tracked: fee !== null,
    dueKopecks: sum(components.map((c) => c.dueKopecks)),
    paidKopecks: sum(components.map((c) => c.paidKopecks)),
    outstandingKopecks: sum(components.filter((c) => !c.settled).map((c) => c.dueKopecks - c.paidKopecks)),
    exempt,
    components,
    settled: components.every((c) => c.settled),
  };
}

/** The moves that hand the result over to the applicant: in person or by post. */
const HANDS_RESULT_OVER: ReadonlySet<ApplicationStatus> = new Set(['issued', 'sent_by_post']);

/**
 * What is still owed when a move hands the result over with the fee not settled (the form warns
 * and asks to confirm, the audit records it); null when the move hands nothing over or all is
 * settled. Not a refusal: a fee may have been settled in a way the desk has not recorded.
 */
export function owedOnHandOver(balance: PaymentBalance, to: ApplicationStatus | ''): number | null {
  return to !== '' && HANDS_RESULT_OVER.has(to) && !balance.settled ? balance.outstandingKopecks : null;
}

/** A payment dated after the desk's today is a typing mistake: refused at its field. */
export function paymentDateIssues(entry: PaymentEntry, today: string): Array<{ path: Array<string | number>; message: string }> {
  return entry.type === 'payment' && entry.paidOn > today ? [{ path: ['entry', 'paidOn'], message: 'payment.paid_on_future' }] : [];
}
