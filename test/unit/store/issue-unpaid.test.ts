import { describe, expect, it } from 'vitest';
import { changeApplicationStatus } from '../../../main/backend/applications/change-status';
import { addPayment } from '../../../main/backend/payments/payment-commands';
import { addApplication, openTestDesk } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const RECEIVER = { party: 'applicant' as const, name: 'Шевченко Марʼяна Іванівна', document: 'ID-картка 001234567' };

/** A case of the sample service (a 279 UAH fee), its result ready. */
function ready(desk: TestDesk) {
  const { app } = addApplication(desk.env);
  for (const to of ['sent_to_provider', 'in_progress'] as const) changeApplicationStatus(desk.env, { id: app.id, to });
  changeApplicationStatus(desk.env, { id: app.id, to: 'result_ready', outcome: { kind: 'positive' } });
  return app;
}

function lastStatusAudit(desk: TestDesk, id: string): Record<string, unknown> {
  const details = desk.db
    .prepare("SELECT details FROM audit_events WHERE action = 'application.status' AND entity_id = ? ORDER BY seq DESC LIMIT 1")
    .pluck()
    .get(id) as string;
  // The mutation's id is the audit's link to the outbox, not what this test is about.
  const { mutationId: _, ...rest } = JSON.parse(details) as Record<string, unknown>;
  return rest;
}

describe('handing over the result of an unpaid case', () => {
  it('is allowed, and the audit of the move records what was owed', () => {
    const desk = openTestDesk(tempDir());
    const app = ready(desk);
    addPayment(desk.env, {
      applicationId: app.id,
      entry: { type: 'payment', component: 'admin_fee', amountKopecks: 10000, reference: 'КВ-7', paidOn: '2026-11-27' },
    });
    const issued = changeApplicationStatus(desk.env, { id: app.id, to: 'issued', receiver: RECEIVER });
    expect(issued.status).toBe('issued');
    expect(lastStatusAudit(desk, app.id)).toEqual({ from: 'result_ready', to: 'issued', issuedUnpaid: { outstandingKopecks: 17900 } });
  });

  it('records nothing of the kind for a settled case, nor for a move that hands nothing over', () => {
    const desk = openTestDesk(tempDir());
    const app = ready(desk);
    expect(lastStatusAudit(desk, app.id)).toEqual({ from: 'in_progress', to: 'result_ready' });
    addPayment(desk.env, {
      applicationId: app.id,
      entry: { type: 'payment', component: 'admin_fee', amountKopecks: 27900, reference: 'КВ-8', paidOn: '2026-11-27' },
    });
    changeApplicationStatus(desk.env, { id: app.id, to: 'sent_by_post', trackingNumber: 'RR123456789UA' });
    expect(lastStatusAudit(desk, app.id)).toEqual({ from: 'result_ready', to: 'sent_by_post' });
  });
});
