import type { StoredApplication } from '../../../shared/domain/application';
import { paymentDateIssues } from '../../../shared/domain/payment';
import type { PaymentEntry, PaymentRecord } from '../../../shared/domain/payment';
import { AppError } from '../../../shared/errors';
import { localDay } from '../clock';
import { recordChange, runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { statement } from '../db/statements';
import type { Db } from '../db/open';
import { getApplicationById } from '../applications/queries';
import { uuidv7 } from '../ids';
import { insertPayment } from './queries';

/** The application a payment is entered against, and the server version the change is made on. */
function applicationVersion(db: Db, applicationId: string): { server_version: number | null } {
  const row = statement(db, 'SELECT server_version FROM applications WHERE id = ? AND deleted_at IS NULL').get(applicationId) as
    { server_version: number | null } | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', `No application ${applicationId}`, [{ path: ['applicationId'], message: 'no such application' }]);
  return row;
}

function reread(db: Db, applicationId: string): StoredApplication {
  const application = getApplicationById(db, applicationId);
  if (!application) throw new Error(`Application ${applicationId} vanished after commit`);
  return application;
}

/**
 * Records a payment (квитанція, amount, component, day) or an exemption against a case's fee.
 * A payment dated after the desk's today is refused at its date; registration never waits for
 * one (fees may be paid later).
 */
export function addPayment(env: CommandEnv, input: { applicationId: string; entry: PaymentEntry }): StoredApplication {
  const now = env.now();
  const at = now.toISOString();
  const issues = paymentDateIssues(input.entry, localDay(now, env.desk.timeZone));
  if (issues.length > 0) throw new AppError('VALIDATION', 'The payment is dated after today', issues);
  runCommand(env.db, () => {
    const application = applicationVersion(env.db, input.applicationId);
    const record: PaymentRecord = { id: uuidv7(), entry: input.entry, at, clerkId: env.clerkId, cancelled: null };
    insertPayment(env.db, input.applicationId, record);
    const e = input.entry;
    recordChange(
      env,
      at,
      {
        kind: 'payment.add',
        payload: { id: record.id, applicationId: input.applicationId, entry: e, at },
        baseVersion: application.server_version,
      },
      {
        action: 'payment.add',
        entity: 'application',
        entityId: input.applicationId,
        details: {
          paymentId: record.id,
          type: e.type,
          component: e.component ?? null,
          amountKopecks: e.type === 'payment' ? e.amountKopecks : 0,
        },
      },
    );
  });
  return reread(env.db, input.applicationId);
}

/** Cancels a wrongly entered payment or exemption with a reason: it stays in the case's history, marked. */
export function cancelPayment(env: CommandEnv, input: { applicationId: string; paymentId: string; reason: string }): StoredApplication {
  const at = env.now().toISOString();
  runCommand(env.db, () => {
    const application = applicationVersion(env.db, input.applicationId);
    const row = statement(env.db, 'SELECT cancelled_at FROM application_payments WHERE id = ? AND application_id = ?').get(
      input.paymentId,
      input.applicationId,
    ) as { cancelled_at: string | null } | undefined;
    if (!row)
      throw new AppError('NOT_FOUND', `No payment ${input.paymentId} on this case`, [{ path: ['paymentId'], message: 'no such payment' }]);
    if (row.cancelled_at !== null) {
      throw new AppError('CONFLICT', `Payment ${input.paymentId} is already cancelled`, [
        { path: ['paymentId'], message: 'payment.already_cancelled' },
      ]);
    }
    const info = statement(
      env.db,
      'UPDATE application_payments SET cancelled_at = ?, cancel_reason = ?, cancelled_by = ? WHERE id = ? AND cancelled_at IS NULL',
    ).run(at, input.reason, env.clerkId, input.paymentId);
    if (info.changes !== 1) throw new Error(`Cancelling payment ${input.paymentId} changed ${info.changes} rows`);
    recordChange(
      env,
      at,
      {
        kind: 'payment.cancel',
        payload: { id: input.paymentId, applicationId: input.applicationId, reason: input.reason, at },
        baseVersion: application.server_version,
      },
      { action: 'payment.cancel', entity: 'application', entityId: input.applicationId, details: { paymentId: input.paymentId } },
    );
  });
  return reread(env.db, input.applicationId);
}
