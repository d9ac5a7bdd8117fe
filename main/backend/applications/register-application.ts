import type { RegisterApplicationData, StoredApplication } from '../../../shared/domain/application';
import { AppError } from '../../../shared/errors';
import { termsFor } from '../../../shared/domain/case-terms';
import { deadlineDate } from '../../../shared/domain/deadline-date';
import { getService } from '../catalog/queries';
import { loadCalendar, loadSubsistenceTable } from '../catalog/services';
import { localDay } from '../clock';
import { recordChange, runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { uuidv7 } from '../ids';
import { clerkName } from '../clerks/clerk-name';
import { getApplicationById, NO_DUE_DATE } from './queries';
import { assertAuthorityCurrent } from '../applicants/check-dates';
import { assertCardAllows, assertParties, missingRequiredDocuments } from './registration-rules';
import { allocateRegistrationNumber, keepIssuedNumber } from './registration-number';
import { statement } from '../db/statements';
import { initialReceipt } from '../../../shared/domain/receipt';
import { insertReceipt, refreshCurrentLines } from '../receipts/receipt-versions';
import { freezeSnapshot } from './freeze-snapshot';

/**
 * Registers an application (звернення) once its parties and documents pass the rules of
 * registration-rules.ts: number, due date, the snapshot of what the receipt prints and опис №1
 * (the frozen record, docs/ARCHITECTURE.md §6.6), the first status,
 * the outbox mutation (which is also the first history step until the record is pulled back)
 * and the audit event — one transaction, or nothing.
 */
export function registerApplication(env: CommandEnv, input: RegisterApplicationData): StoredApplication {
  const now = env.now();
  const at = now.toISOString();
  const day = localDay(now, env.desk.timeZone);
  const { id, value } = runCommand(env.db, () => {
    const service = getService(env.db, input.serviceId);
    if (!service?.active) {
      throw new AppError('VALIDATION', 'This service is not in the catalog any more', [
        { path: ['serviceId'], message: 'service not available' },
      ]);
    }
    assertParties(env.db, service, input);
    assertCardAllows(env.db, service, input.applicantId, input.resultDelivery);
    const terms = termsFor(
      service,
      { tierId: input.tierId, conditions: input.feeConditions, exemption: input.feeExemption },
      day,
      loadSubsistenceTable(env.db),
    );
    // Only a latest date is a due date: an earliest one (marriage) or a term from a later event is worded instead.
    const due =
      terms.deadline.kind === 'not_after'
        ? deadlineDate(terms.deadline, { anchor: 'intake', at: now }, env.desk.timeZone, loadCalendar(env.db))
        : null;
    if (input.representative) assertAuthorityCurrent(input.representative.authority, day);
    const missing = missingRequiredDocuments(
      service,
      input.items.map((item) => item.name),
    );
    if (missing.length > 0 && input.insisted === undefined) {
      throw new AppError('VALIDATION', `Required documents missing: ${missing.join('; ')}`, [
        { path: ['items'], message: 'application.required_missing' },
      ]);
    }
    // Insisting when nothing is missing records nothing: there is nothing the applicant insisted on.
    const insisted = missing.length > 0 && input.insisted ? { reason: input.insisted.reason, missing } : undefined;
    if (input.ticketId !== undefined && !statement(env.db, 'SELECT 1 FROM tickets WHERE id = ?').get(input.ticketId)) {
      throw new AppError('VALIDATION', 'No such ticket', [{ path: ['ticketId'], message: 'no such ticket' }]);
    }

    const id = uuidv7(now.getTime());
    const { regNumber, value } = allocateRegistrationNumber(env.db, env.desk.center.code, env.desk.desk.code, day);
    const rep = input.representative;
    statement(
      env.db,
      `INSERT INTO applications (id, reg_number, service_id, applicant_id, representative_id, rep_authority, subject_id, insisted,
           status, registered_at, registered_on, due_date, result_delivery, notes, clerk_id, center_code, desk_code, window,
           ticket_id, terms, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'registered', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      regNumber,
      service.id,
      input.applicantId,
      rep?.applicantId ?? null,
      rep ? JSON.stringify(rep.authority) : null,
      input.subjectId ?? null,
      insisted ? JSON.stringify(insisted) : null,
      at,
      day,
      due ?? NO_DUE_DATE,
      input.resultDelivery,
      input.notes ?? null,
      env.clerkId,
      env.desk.center.code,
      env.desk.desk.code,
      env.desk.desk.window,
      input.ticketId ?? null,
      JSON.stringify(terms),
      at,
    );
    const actorName = clerkName(env.db, env.clerkId);
    const snapshot = freezeSnapshot(env, id);
    insertReceipt(env.db, id, initialReceipt({ registeredAt: at, clerkId: env.clerkId, clerkName: actorName, items: input.items }));
    refreshCurrentLines(env.db, id);
    // The first status step shows from the outbox until the back office's history, pulled with the record, holds it.
    recordChange(
      env,
      at,
      {
        kind: 'application.register',
        payload: {
          id,
          regNumber,
          registeredAt: at,
          registeredOn: day,
          dueDate: due,
          ...input,
          terms,
          insisted,
          snapshot,
          actorName,
        },
        baseVersion: null,
      },
      { action: 'application.register', entity: 'application', entityId: id, details: { regNumber } },
    );
    return { id, value };
  });
  // Inside registerIntake's transaction this runs just before that one commits; should that COMMIT fail, the day's numbers get a gap, never a repeat.
  keepIssuedNumber(env.db, env.desk.center.code, env.desk.desk.code, day, value);
  const application = getApplicationById(env.db, id);
  if (!application) throw new Error(`Application ${id} vanished after commit`);
  return application;
}
