/**
 * Payments per case travel with the application's record (docs/SYNC.md "Payments"): entered at
 * one desk, they are kept in the back office's record and every desk pulls them, cancellations
 * included; a payment the back office refused is gone from the case after the next pull.
 */
import { describe, expect, it } from 'vitest';
import { PaymentRecord } from '../../../shared/domain/payment';
import type { PaymentEntry } from '../../../shared/domain/payment';
import { z } from 'zod';
import { STORAGES, useServer } from '../server/harness';
import { readDb, useSyncWorld, value, writeDb } from './desk-harness';
import type { TestDesk } from './desk-harness';

const PAID: PaymentEntry = { type: 'payment', component: 'admin_fee', amountKopecks: 4992, reference: 'КВ-0042', paidOn: '2026-11-27' };
const EXEMPT: PaymentEntry = { type: 'exemption', component: 'blank', reason: 'Перше оформлення у 14 років' };

describe.each(STORAGES)('payments after sync on %s', (kind) => {
  const harness = useServer(kind);
  const world = useSyncWorld(harness);

  const get = (desk: TestDesk, id: string) => value(desk.api.call('applications.get', { id }));

  async function serverPayments(id: string): Promise<PaymentRecord[]> {
    const [row] = await harness.storage.query<{ data: { payments: unknown } }>('SELECT data FROM applications WHERE id = $1', [id]);
    return z.array(PaymentRecord).parse(row?.data.payments);
  }

  it('a payment at A and an exemption at B, then a cancellation at A: both desks show the back office’s list', async () => {
    const { a, b, app } = await world.twoDesksWithApplication();
    const paid = await value(a.api.call('applications.addPayment', { applicationId: app.id, entry: PAID }));
    await value(b.api.call('applications.addPayment', { applicationId: app.id, entry: EXEMPT }));
    expect(await a.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
    expect(await b.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
    await value(
      a.api.call('applications.cancelPayment', { applicationId: app.id, paymentId: paid.payments[0]!.id, reason: 'Квитанція іншої особи' }),
    );
    await a.syncNow();
    await b.syncNow();

    const server = await serverPayments(app.id);
    // In the order the back office applied them, which the two desks' pushes race for.
    expect(server.map((p) => [p.entry.type, p.cancelled?.reason ?? null]).sort()).toEqual([
      ['exemption', null],
      ['payment', 'Квитанція іншої особи'],
    ]);
    // Every desk lists them in the order they were entered.
    const entered = [...server].sort((x, y) => x.at.localeCompare(y.at) || x.id.localeCompare(y.id));
    for (const desk of [a, b]) {
      const seen = await get(desk, app.id);
      expect(seen.payments).toEqual(entered);
      expect(seen.balance.paidKopecks).toBe(0);
    }
  });

  it('a payment the back office refused disappears from the case at the next pull, and stays in the dead letters', async () => {
    const { a, b, app } = await world.twoDesksWithApplication();
    world.proxy.setMode('drop');
    await value(a.api.call('applications.addPayment', { applicationId: app.id, entry: PAID }));
    await a.close();
    world.proxy.setMode('pass');
    // The stored payment names a component no fee knows: the back office's schema refuses it.
    writeDb(a.dbFile, (db) => {
      const row = db.prepare("SELECT mutation_id, payload FROM outbox WHERE kind = 'payment.add'").get() as {
        mutation_id: string;
        payload: string;
      };
      const payload = JSON.parse(row.payload) as { entry: Record<string, unknown> };
      payload.entry.component = 'stamp_duty';
      db.prepare('UPDATE outbox SET payload = ? WHERE mutation_id = ?').run(JSON.stringify(payload), row.mutation_id);
    });
    const reopened = world.openDesk(a.deskCode, { dataDir: a.dataDir });
    expect(await reopened.syncNow()).toMatchObject({ pending: 0, deadLetters: 1 });
    // Another desk's change gives the record a new version, which this desk pulls.
    await value(b.api.call('applications.addPayment', { applicationId: app.id, entry: EXEMPT }));
    await b.syncNow();
    await reopened.syncNow();
    expect((await get(reopened, app.id)).payments.map((p) => p.entry)).toEqual([EXEMPT]);
    expect(readDb(reopened, (db) => db.prepare("SELECT status FROM outbox WHERE kind = 'payment.add'").pluck().all())).toContain('dead');
  });
});
