/**
 * The payment form's draft → the contract's entry, and the backend's issues → the form's fields.
 * The rules are shared/domain/payment.ts, which the backend applies again.
 */
import type { FeeComponentKind } from '../../../../shared/domain/fee-rule';
import { PaymentEntry } from '../../../../shared/domain/payment';
import type { FieldIssue } from '../../../../shared/errors';
import { validateDay } from '../../../../shared/validate/dates';
import type { PlainMessageKey } from '../../i18n/dictionary';

export type PaymentField = 'component' | 'amount' | 'reference' | 'paidOn' | 'payer' | 'reason' | 'document' | 'cancelReason';

export interface PaymentProblem {
  field: PaymentField;
  key: PlainMessageKey;
}

export interface PaymentDraft {
  type: PaymentEntry['type'];
  /** An exemption without a component waives the whole fee. */
  component: FeeComponentKind | '';
  /** Hryvnias as typed: `49,92`, `49.92`, `1 234`. */
  amount: string;
  reference: string;
  /** `ДД.ММ.РРРР` as typed. */
  paidOn: string;
  payer: string;
  reason: string;
  document: string;
}

export const COMPONENT_TEXT: Readonly<Record<FeeComponentKind, PlainMessageKey>> = {
  admin_fee: 'payments.component.admin_fee',
  blank: 'payments.component.blank',
  paid_service: 'payments.component.paid_service',
};

const UAH = /^(\d{1,7})(?:[.,](\d{1,2}))?$/u;

/** Hryvnias as a clerk types them → kopecks; null when it is not an amount (three decimals, letters). */
export function parseUah(text: string): number | null {
  const match = UAH.exec(text.replace(/[\s\u00a0]/gu, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** The entry to send, or the problems that block it; `today` is the desk's local day. */
export function checkPaymentDraft(
  draft: PaymentDraft,
  today: string,
): { ok: true; entry: PaymentEntry } | { ok: false; problems: PaymentProblem[] } {
  const problems: PaymentProblem[] = [];
  const optional = (text: string) => (text.trim() === '' ? {} : undefined);
  if (draft.type === 'exemption') {
    if (draft.reason.trim() === '') problems.push({ field: 'reason', key: 'payments.err.reason' });
    if (problems.length > 0) return { ok: false, problems };
    return {
      ok: true,
      entry: PaymentEntry.parse({
        type: 'exemption',
        reason: draft.reason,
        ...(draft.component === '' ? {} : { component: draft.component }),
        ...(optional(draft.document) ?? { document: draft.document }),
      }),
    };
  }
  if (draft.component === '') problems.push({ field: 'component', key: 'payments.err.component' });
  const kopecks = parseUah(draft.amount);
  if (kopecks === null || kopecks <= 0) problems.push({ field: 'amount', key: 'payments.err.amount' });
  if (draft.reference.trim() === '') problems.push({ field: 'reference', key: 'payments.err.reference' });
  const day = validateDay(draft.paidOn, 'issue_date');
  if (!day.ok) {
    const empty = draft.paidOn.trim() === '' || day.code === 'issue_date.format';
    problems.push({ field: 'paidOn', key: empty ? 'payments.err.paidOnFormat' : 'payments.err.paidOnImpossible' });
  } else if (day.value > today) problems.push({ field: 'paidOn', key: 'payments.err.paidOnFuture' });
  if (problems.length > 0 || !day.ok || kopecks === null || draft.component === '') return { ok: false, problems };
  return {
    ok: true,
    entry: PaymentEntry.parse({
      type: 'payment',
      component: draft.component,
      amountKopecks: kopecks,
      reference: draft.reference,
      paidOn: day.value,
      ...(optional(draft.payer) ?? { payer: draft.payer }),
    }),
  };
}

/** The backend's codes (shared/domain/payment.ts, the payment commands) → the form's texts. */
const CODE_TEXT: Readonly<Record<string, PlainMessageKey>> = {
  'payment.amount_positive': 'payments.err.amount',
  'payment.paid_on_future': 'payments.err.paidOnFuture',
  'payment.already_cancelled': 'payments.err.alreadyCancelled',
};
const REQUIRED_TEXT: Readonly<Partial<Record<PaymentField, PlainMessageKey>>> = {
  reference: 'payments.err.reference',
  reason: 'payments.err.reason',
  cancelReason: 'payments.err.cancelReason',
};
const ENTRY_FIELDS: Readonly<Record<string, PaymentField>> = {
  component: 'component',
  amountKopecks: 'amount',
  reference: 'reference',
  paidOn: 'paidOn',
  payer: 'payer',
  reason: 'reason',
  document: 'document',
};

/**
 * A VALIDATION issue of `applications.addPayment` (path into `entry`) or `cancelPayment`
 * (`reason`, `paymentId`) as the field it belongs to and its text; null when no field owns it.
 */
export function issueProblem(issue: FieldIssue): PaymentProblem | null {
  const [head, sub] = issue.path;
  const field =
    head === 'entry' && typeof sub === 'string'
      ? ENTRY_FIELDS[sub]
      : head === 'reason' || head === 'paymentId'
        ? 'cancelReason'
        : undefined;
  if (field === undefined) return null;
  const key =
    CODE_TEXT[issue.message] ?? (issue.message === 'payment.required' ? REQUIRED_TEXT[field] : undefined) ?? 'payments.err.rejected';
  return { field, key };
}
