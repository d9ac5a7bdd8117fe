import { PaymentEntry } from '../../../shared/domain/payment';
import type { PaymentRecord } from '../../../shared/domain/payment';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/** A row of application_payments (migration 0011). */
export interface PaymentRow {
  id: string;
  application_id: string;
  type: 'payment' | 'exemption';
  component: string | null;
  amount_kopecks: number | null;
  reference: string | null;
  paid_on: string | null;
  payer: string | null;
  reason: string | null;
  document: string | null;
  clerk_id: string;
  created_at: string;
  cancelled_at: string | null;
  cancel_reason: string | null;
  cancelled_by: string | null;
}

/** The entry as the clerk made it; the columns of the other type are null and left out. */
function entryOf(row: PaymentRow): PaymentEntry {
  const present = (value: string | number | null) => value ?? undefined;
  return PaymentEntry.parse(
    row.type === 'payment'
      ? {
          type: 'payment',
          component: row.component,
          amountKopecks: row.amount_kopecks,
          reference: row.reference,
          paidOn: row.paid_on,
          payer: present(row.payer),
        }
      : { type: 'exemption', component: present(row.component), reason: row.reason, document: present(row.document) },
  );
}

function toPaymentRecord(row: PaymentRow): PaymentRecord {
  return {
    id: row.id,
    entry: entryOf(row),
    at: row.created_at,
    clerkId: row.clerk_id,
    cancelled:
      row.cancelled_at === null ? null : { at: row.cancelled_at, reason: row.cancel_reason ?? '', clerkId: row.cancelled_by ?? '' },
  };
}

/** Every payment and exemption of a case, cancelled ones too, in the order they were entered. */
export function readPayments(db: Db, applicationId: string): PaymentRecord[] {
  const rows = statement(db, 'SELECT * FROM application_payments WHERE application_id = ? ORDER BY created_at, id').all(
    applicationId,
  ) as PaymentRow[];
  return rows.map(toPaymentRecord);
}

/** The columns of a record, as the desk's table holds them. */
function paymentColumns(applicationId: string, record: PaymentRecord): PaymentRow {
  const e = record.entry;
  const payment = e.type === 'payment' ? e : null;
  const exemption = e.type === 'exemption' ? e : null;
  return {
    id: record.id,
    application_id: applicationId,
    type: e.type,
    component: e.component ?? null,
    amount_kopecks: payment?.amountKopecks ?? null,
    reference: payment?.reference ?? null,
    paid_on: payment?.paidOn ?? null,
    payer: payment?.payer ?? null,
    reason: exemption?.reason ?? null,
    document: exemption?.document ?? null,
    clerk_id: record.clerkId,
    created_at: record.at,
    cancelled_at: record.cancelled?.at ?? null,
    cancel_reason: record.cancelled?.reason ?? null,
    cancelled_by: record.cancelled?.clerkId ?? null,
  };
}

const INSERT_PAYMENT = `INSERT INTO application_payments (id, application_id, type, component, amount_kopecks, reference, paid_on, payer, reason,
    document, clerk_id, created_at, cancelled_at, cancel_reason, cancelled_by)
  VALUES (@id, @application_id, @type, @component, @amount_kopecks, @reference, @paid_on, @payer, @reason, @document, @clerk_id, @created_at,
    @cancelled_at, @cancel_reason, @cancelled_by)`;

export function insertPayment(db: Db, applicationId: string, record: PaymentRecord): void {
  statement(db, INSERT_PAYMENT).run(paymentColumns(applicationId, record));
}

/**
 * The case's payments as the back office has them, pulled inside the application's record: after
 * sync every desk shows exactly these (a payment the back office refused is gone from the case and
 * stays in the sync panel, as a refused status step does).
 */
export function replacePayments(db: Db, applicationId: string, records: readonly PaymentRecord[]): void {
  statement(db, 'DELETE FROM application_payments WHERE application_id = ?').run(applicationId);
  for (const record of records) insertPayment(db, applicationId, record);
}
