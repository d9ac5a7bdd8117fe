/** Payments entered at desks as the back office keeps them in the case's record (server/sync/apply/payment.ts), on a real EntityStore. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { paymentPolicies } from '../../../../../server/sync/apply/payment';
import { useRecords } from './store-fixture';

const records = useRecords();
const add = paymentPolicies['payment.add']!;
const cancel = paymentPolicies['payment.cancel']!;
const entry = { type: 'payment', component: 'admin_fee', amountKopecks: 8500, reference: 'квитанція 17', paidOn: '2026-11-02' };
const at = '2026-11-02T09:30:00.000Z';

async function application(payments?: unknown[], centerCode = 'C1'): Promise<string> {
  const id = randomUUID();
  await records.history('application', id, { 2: { id, status: 'registered', ...(payments ? { payments } : {}) } }, centerCode);
  return id;
}
const adding = (applicationId: string, id: string, payload: object = {}) =>
  records.apply(add, {
    aggregate: `application:${applicationId}`,
    kind: 'payment.add',
    baseVersion: null,
    payload: { id, applicationId, entry, at, ...payload },
  });
const cancelling = (applicationId: string, id: string, payload: object = {}) =>
  records.apply(cancel, {
    aggregate: `application:${applicationId}`,
    kind: 'payment.cancel',
    baseVersion: null,
    payload: { id, applicationId, reason: 'Помилкова сума', at, ...payload },
  });

describe('payment policies', () => {
  it('appends a payment to the case with the clerk who entered it, as a new version', async () => {
    const id = await application();
    expect(await adding(id, 'p-1')).toEqual({ status: 'applied', version: 3 });
    expect(await records.stored('application', id)).toEqual({
      version: 3,
      data: { id, status: 'registered', payments: [{ id: 'p-1', entry, at, clerkId: 'clerk-1', cancelled: null }] },
      versions: [2, 3],
    });
    expect(await adding(id, 'p-2')).toEqual({ status: 'applied', version: 4 });
    expect((await records.stored('application', id))?.data.payments).toMatchObject([{ id: 'p-1' }, { id: 'p-2' }]);
  });

  it('refuses the same payment twice', async () => {
    const id = await application();
    await adding(id, 'p-1');
    expect(await adding(id, 'p-1')).toEqual({
      status: 'rejected',
      code: 'already_exists',
      message: 'Payment p-1 is already recorded',
      fieldErrors: [],
    });
    expect(await records.stored('application', id)).toMatchObject({ version: 3 });
  });

  it('marks a cancelled payment with why, when and who, and keeps it and the others', async () => {
    const id = await application();
    await adding(id, 'p-1');
    await adding(id, 'p-2');
    expect(await cancelling(id, 'p-1')).toEqual({ status: 'applied', version: 5 });
    expect((await records.stored('application', id))?.data.payments).toEqual([
      { id: 'p-1', entry, at, clerkId: 'clerk-1', cancelled: { at, reason: 'Помилкова сума', clerkId: 'clerk-1' } },
      { id: 'p-2', entry, at, clerkId: 'clerk-1', cancelled: null },
    ]);
    expect(await cancelling(id, 'p-1')).toEqual({
      status: 'rejected',
      code: 'already_cancelled',
      message: 'Payment p-1 was cancelled already',
      fieldErrors: [],
    });
    expect(await cancelling(id, 'p-9')).toEqual({
      status: 'rejected',
      code: 'not_found',
      message: 'No payment p-9 on the server',
      fieldErrors: [{ path: ['payload', 'id'], message: 'no such payment' }],
    });
    expect(await records.stored('application', id)).toMatchObject({ version: 5 });
  });

  it("refuses a payment on a case the server does not have, on another center's case, and a malformed one", async () => {
    const missing = randomUUID();
    expect(await adding(missing, 'p-1')).toEqual({
      status: 'rejected',
      code: 'not_found',
      message: `No application ${missing}`,
      fieldErrors: [],
    });
    expect(await cancelling(missing, 'p-1')).toMatchObject({ code: 'not_found', message: `No application ${missing}` });
    const elsewhere = await application(undefined, 'C2');
    expect(await adding(elsewhere, 'p-1')).toMatchObject({ code: 'wrong_center' });
    expect(await cancelling(elsewhere, 'p-1')).toMatchObject({ code: 'wrong_center' });
    const id = await application();
    expect(await adding(id, 'p-1', { entry: { ...entry, amountKopecks: 0 } })).toMatchObject({ code: 'invalid_payload' });
    expect(await cancelling(id, 'p-1', { reason: ' ' })).toMatchObject({ code: 'invalid_payload' });
    expect(await records.stored('application', elsewhere)).toMatchObject({ version: 2, data: { id: elsewhere, status: 'registered' } });
    expect(await records.stored('application', id)).toMatchObject({ version: 2 });
  });

  it('fails rather than rebuild a malformed payment list partial', async () => {
    const id = await application([{ id: 'p-0', entry: 'cash' }]);
    await expect(adding(id, 'p-1')).rejects.toThrow();
    expect(await records.stored('application', id)).toMatchObject({ version: 2 });
  });
});
