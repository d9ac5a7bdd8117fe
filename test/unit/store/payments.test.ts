import { describe, expect, it } from 'vitest';
import { addPayment, cancelPayment } from '../../../main/backend/payments/payment-commands';
import { AppError } from '../../../shared/errors';
import { parsePayload } from '../../../shared/sync-mutations';
import type { PaymentEntry } from '../../../shared/domain/payment';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { RegisterApplication } from '../../../shared/domain/application';
import { addApplication, openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

const PAYMENT: PaymentEntry = {
  type: 'payment',
  component: 'admin_fee',
  amountKopecks: 4992,
  reference: 'КВ-0042',
  paidOn: '2026-11-27',
  payer: 'Шевченко Тарас',
};

function deskWithApplication() {
  const desk = openTestDesk(tempDir());
  const { app } = addApplication(desk.env);
  return { ...desk, app };
}

const count = (desk: ReturnType<typeof openTestDesk>, sql: string) => desk.db.prepare(sql).pluck().get() as number;

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('addPayment', () => {
  it('stores the payment with the case, and writes its outbox mutation and audit event in the same transaction', () => {
    const desk = deskWithApplication();
    const updated = addPayment(desk.env, { applicationId: desk.app.id, entry: PAYMENT });
    expect(updated.payments).toEqual([
      { id: expect.any(String), entry: PAYMENT, at: '2026-11-27T09:30:00.000Z', clerkId: desk.env.clerkId, cancelled: null },
    ]);
    expect(updated.balance.paidKopecks).toBe(4992);
    const [mutation] = desk.db.prepare("SELECT aggregate, kind, payload FROM outbox WHERE kind = 'payment.add'").all() as Array<{
      aggregate: string;
      kind: 'payment.add';
      payload: string;
    }>;
    expect(mutation!.aggregate).toBe(`application:${desk.app.id}`);
    const payload = JSON.parse(mutation!.payload) as unknown;
    expect(parsePayload('payment.add', payload).success).toBe(true);
    expect(payload).toEqual({ id: updated.payments[0]!.id, applicationId: desk.app.id, entry: PAYMENT, at: '2026-11-27T09:30:00.000Z' });
    expect(
      JSON.parse(desk.db.prepare("SELECT details FROM audit_events WHERE action = 'payment.add'").pluck().get() as string),
    ).toMatchObject({ paymentId: updated.payments[0]!.id, type: 'payment', component: 'admin_fee', amountKopecks: 4992 });
  });

  it('records an exemption with its reason, for one component or the whole fee', () => {
    const desk = deskWithApplication();
    addPayment(desk.env, { applicationId: desk.app.id, entry: { type: 'exemption', component: 'blank', reason: 'перше оформлення' } });
    const updated = addPayment(desk.env, {
      applicationId: desk.app.id,
      entry: { type: 'exemption', reason: 'особа з інвалідністю I групи', document: 'посвідчення АА 123' },
    });
    expect(updated.payments.map((p) => p.entry)).toEqual([
      { type: 'exemption', component: 'blank', reason: 'перше оформлення' },
      { type: 'exemption', reason: 'особа з інвалідністю I групи', document: 'посвідчення АА 123' },
    ]);
    expect(updated.balance.exempt).toBe(true);
  });

  it('refuses a payment dated after the desk’s today at its date, and writes nothing', () => {
    const desk = deskWithApplication();
    const before = count(desk, 'SELECT count(*) FROM outbox');
    const error = thrown(() => addPayment(desk.env, { applicationId: desk.app.id, entry: { ...PAYMENT, paidOn: '2026-11-28' } }));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: ['entry', 'paidOn'], message: 'payment.paid_on_future' }]);
    expect(count(desk, 'SELECT count(*) FROM application_payments')).toBe(0);
    expect(count(desk, 'SELECT count(*) FROM outbox')).toBe(before);
  });

  it('takes a payment made today in Kyiv while it is still yesterday in UTC', () => {
    const desk = deskWithApplication();
    desk.setNow('2026-11-27T22:30:00Z');
    expect(addPayment(desk.env, { applicationId: desk.app.id, entry: { ...PAYMENT, paidOn: '2026-11-28' } }).payments).toHaveLength(1);
  });

  it('refuses an unknown application as NOT_FOUND at applicationId', () => {
    const desk = deskWithApplication();
    const error = thrown(() => addPayment(desk.env, { applicationId: 'nope', entry: PAYMENT }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: ['applicationId'], message: 'no such application' }] });
    expect(count(desk, 'SELECT count(*) FROM application_payments')).toBe(0);
  });
});

describe('cancelPayment', () => {
  it('marks the payment cancelled with its reason, keeps it, and it no longer counts', () => {
    const desk = deskWithApplication();
    const paid = addPayment(desk.env, { applicationId: desk.app.id, entry: PAYMENT });
    const paymentId = paid.payments[0]!.id;
    desk.setNow('2026-11-27T10:00:00Z');
    const updated = cancelPayment(desk.env, { applicationId: desk.app.id, paymentId, reason: 'Квитанція іншої особи' });
    expect(updated.payments).toEqual([
      {
        ...paid.payments[0],
        cancelled: { at: '2026-11-27T10:00:00.000Z', reason: 'Квитанція іншої особи', clerkId: desk.env.clerkId },
      },
    ]);
    expect(updated.balance.paidKopecks).toBe(0);
    const payload = JSON.parse(
      desk.db.prepare("SELECT payload FROM outbox WHERE kind = 'payment.cancel'").pluck().get() as string,
    ) as unknown;
    expect(payload).toEqual({ id: paymentId, applicationId: desk.app.id, reason: 'Квитанція іншої особи', at: '2026-11-27T10:00:00.000Z' });
    expect(parsePayload('payment.cancel', payload).success).toBe(true);
    expect(count(desk, "SELECT count(*) FROM audit_events WHERE action = 'payment.cancel'")).toBe(1);
  });

  it('refuses to cancel twice, or a payment of another case, and changes nothing', () => {
    const desk = deskWithApplication();
    const other = registerApplication(
      desk.env,
      RegisterApplication.parse({
        serviceId: SAMPLE_SERVICE.id,
        applicantId: desk.app.applicant.id,
        items: [{ name: 'Заява', original: true, sheets: 1 }],
      }),
    );
    const paymentId = addPayment(desk.env, { applicationId: desk.app.id, entry: PAYMENT }).payments[0]!.id;
    expect(thrown(() => cancelPayment(desk.env, { applicationId: other.id, paymentId, reason: 'x' }))).toMatchObject({
      code: 'NOT_FOUND',
      issues: [{ path: ['paymentId'], message: 'no such payment' }],
    });
    cancelPayment(desk.env, { applicationId: desk.app.id, paymentId, reason: 'помилка' });
    const outbox = count(desk, 'SELECT count(*) FROM outbox');
    expect(thrown(() => cancelPayment(desk.env, { applicationId: desk.app.id, paymentId, reason: 'ще раз' }))).toMatchObject({
      code: 'CONFLICT',
      issues: [{ path: ['paymentId'], message: 'payment.already_cancelled' }],
    });
    expect(count(desk, 'SELECT count(*) FROM outbox')).toBe(outbox);
    expect(desk.db.prepare('SELECT cancel_reason FROM application_payments').pluck().get()).toBe('помилка');
  });
});
