import { z } from 'zod';
import { ReceiptItem } from '../../../shared/domain/application';
import { CaseSnapshot, CaseTerms } from '../../../shared/domain/case-snapshot';
import { ReceiptVersion } from '../../../shared/domain/receipt';
import { insertReceipt } from '../receipts/receipt-versions';
import { liveSnapshot } from './live-snapshot';
import { markDeskFactsPending } from './freeze-snapshot';
import { RepresentativePayload } from '../../../shared/sync-mutations';
import { StatusHistory } from '../../../shared/domain/application-history';
import { PaymentRecord } from '../../../shared/domain/payment';
import { StatusFacts } from '../../../shared/domain/status-facts';
import { ensureRemoteClerk, REMOTE_CLERK_ID } from '../clerks/remote-clerk';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import type { Logger } from '../log/logger';
import type { PulledApplier } from '../sync/pulled-change';
import { markDeletedIn } from '../sync/pulled-change';
import { replacePayments } from '../payments/queries';
import { notePulledRegistrationNumber } from './registration-number';
import { replaceStatusHistory } from './status-history';
import { NO_DUE_DATE } from './queries';

const RemoteApplication = z.looseObject({
  regNumber: z.string(),
  serviceId: z.string(),
  applicantId: z.string(),
  representative: RepresentativePayload.nullable().optional(),
  subjectId: z.string().nullable().optional(),
  insisted: z
    .object({ reason: z.string(), missing: z.array(z.string()) })
    .nullable()
    .optional(),
  items: z.array(ReceiptItem),
  status: z.string(),
  registeredAt: z.string(),
  registeredOn: z.string(),
  /** Null while the term runs from a later event. */
  dueDate: z.string().nullable(),
  /** Absent on records registered by desks that predate terms. */
  terms: CaseTerms.nullable().optional(),
  resultDelivery: z.string(),
  notes: z.string().nullable().optional(),
  centerCode: z.string(),
  deskCode: z.string(),
  /** Absent only in versions the back office stored before it kept the history in the record. */
  statusHistory: StatusHistory.optional(),
  // The frozen record (docs/ARCHITECTURE.md §6.6); absent in records stored before it.
  snapshot: CaseSnapshot.nullable().optional(),
  receipts: z.array(ReceiptVersion).optional(),
  /** Absent until the first payment reached the back office: then there are none. */
  payments: z.array(PaymentRecord).optional(),
  // What the status moves left on the case (decision, receiver, suspensions…): absent in records of earlier versions.
  ...StatusFacts.shape,
});

const UPSERT_APPLICATION = `INSERT INTO applications (id, reg_number, service_id, applicant_id, rep_full_name, rep_doc_type, rep_doc_number,
    rep_poa_number, rep_poa_date, representative_id, rep_authority, subject_id, insisted, status, registered_at, registered_on, due_date,
    terms, result_delivery, notes, clerk_id, center_code, desk_code, window, updated_at, server_version, history_version, status_facts)
  VALUES (@id, @regNumber, @serviceId, @applicantId, @repName, @repDocType, @repDocNumber, @repPoaNumber, @repPoaDate, @representativeId,
    @repAuthority, @subjectId, @insisted, @status, @registeredAt, @registeredOn, @dueDate, @terms, @resultDelivery, @notes, @clerk, @centerCode,
    @deskCode, '', @at, @version, @historyVersion, @statusFacts)
  ON CONFLICT (id) DO UPDATE SET status = excluded.status, rep_full_name = excluded.rep_full_name, rep_doc_type = excluded.rep_doc_type,
    rep_doc_number = excluded.rep_doc_number, rep_poa_number = excluded.rep_poa_number, rep_poa_date = excluded.rep_poa_date,
    representative_id = excluded.representative_id, rep_authority = excluded.rep_authority, subject_id = excluded.subject_id,
    insisted = excluded.insisted,
    due_date = excluded.due_date, terms = coalesce(excluded.terms, applications.terms), result_delivery = excluded.result_delivery, notes = excluded.notes,
    updated_at = excluded.updated_at, server_version = excluded.server_version, status_facts = excluded.status_facts,
    history_version = coalesce(excluded.history_version, applications.history_version)`;

/**
 * A local application holding the number the back office gave another one was numbered by
 * this desk without knowing the numbers it had issued (a restore that lost the issued-numbers
 * file too, or two desks configured with one desk code): the back office refused its
 * registration (`reg_number_taken`, a dead letter the supervisor resolves). Its number gets
 * the record's id appended, so the pull goes on, both records stay, and nobody reads the
 * refused one's number as valid.
 */
function yieldRegistrationNumber(db: Db, id: string, regNumber: string, logger: Logger): void {
  const holder = statement(db, 'SELECT id FROM applications WHERE reg_number = ? AND id <> ?').pluck().get(regNumber, id) as
    string | undefined;
  if (holder === undefined) return;
  statement(db, "UPDATE applications SET reg_number = reg_number || '~' || id WHERE id = ?").run(holder);
  logger.log('error', 'A local application held a registration number the back office gave another one; marked as a duplicate', {
    id: holder,
    regNumber,
  });
}

/**
 * The snapshot and receipts of a pulled record: receipts are append-only, so the pulled ones are
 * added to what this desk holds (a version it has stays as it is); a snapshot, once here, never
 * changes. A record the back office stored before either existed gets them from its rows, as
 * desk migration 0010 gave every case of this desk.
 */
function keepFrozenRecord(db: Db, id: string, snapshot: CaseSnapshot | null, receipts: readonly ReceiptVersion[]): void {
  for (const receipt of receipts) insertReceipt(db, id, receipt);
  const hasSnapshot = statement(db, 'SELECT snapshot IS NOT NULL FROM applications WHERE id = ?').pluck().get(id) === 1;
  const hasReceipts = statement(db, 'SELECT 1 FROM application_receipts WHERE application_id = ? LIMIT 1').pluck().get(id) === 1;
  if (hasSnapshot && hasReceipts) return;
  const built = liveSnapshot(db, id);
  if (!built) return;
  if (!hasSnapshot) {
    statement(db, 'UPDATE applications SET snapshot = ? WHERE id = ?').run(JSON.stringify(snapshot ?? built.snapshot), id);
    if (snapshot === null) markDeskFactsPending(db);
  }
  if (!hasReceipts && built.first.lines.length > 0) insertReceipt(db, id, built.first);
}

/**
 * The record, its receipt lines, payments and status history as the back office has them, and which
 * version that history is (`history_version`, see status-history.ts). A version without a
 * history (stored before the back office kept one in the record) leaves this desk's history as
 * it is rather than emptying it.
 */
export const applicationApplier: PulledApplier = {
  preparePage: (db, ctx) => ensureRemoteClerk(db, ctx.at),
  apply(db, change, ctx) {
    const parsed = RemoteApplication.safeParse(change.data);
    if (!parsed.success) {
      ctx.logger.log('warn', 'Pulled application does not match what this desk understands; skipped', { id: change.id });
      return;
    }
    const a = parsed.data;
    const rep = a.representative ?? null;
    const legacy = rep !== null && 'fullName' in rep ? rep : null;
    const onFile = rep !== null && 'applicantId' in rep ? rep : null;
    notePulledRegistrationNumber(db, a.regNumber);
    yieldRegistrationNumber(db, change.id, a.regNumber, ctx.logger);
    statement(db, UPSERT_APPLICATION).run({
      id: change.id,
      regNumber: a.regNumber,
      serviceId: a.serviceId,
      applicantId: a.applicantId,
      repName: legacy?.fullName ?? null,
      repDocType: legacy?.idDocType ?? null,
      repDocNumber: legacy?.idDocNumber ?? null,
      repPoaNumber: legacy?.poaNumber ?? null,
      repPoaDate: legacy?.poaDate ?? null,
      representativeId: onFile?.applicantId ?? null,
      repAuthority: onFile ? JSON.stringify(onFile.authority) : null,
      subjectId: a.subjectId ?? null,
      insisted: a.insisted ? JSON.stringify(a.insisted) : null,
      status: a.status,
      registeredAt: a.registeredAt,
      registeredOn: a.registeredOn,
      dueDate: a.dueDate ?? NO_DUE_DATE,
      terms: a.terms ? JSON.stringify(a.terms) : null,
      resultDelivery: a.resultDelivery,
      notes: a.notes ?? null,
      clerk: REMOTE_CLERK_ID,
      centerCode: a.centerCode,
      deskCode: a.deskCode,
      at: ctx.at,
      version: change.version,
      historyVersion: a.statusHistory ? change.version : null,
      statusFacts: JSON.stringify(StatusFacts.parse(a)),
    });
    statement(db, 'DELETE FROM application_items WHERE application_id = ?').run(change.id);
    const insertItem = statement(
      db,
      'INSERT INTO application_items (application_id, position, name, original, sheets, returned) VALUES (?, ?, ?, ?, ?, ?)',
    );
    a.items.forEach((item, i) => insertItem.run(change.id, i + 1, item.name, item.original ? 1 : 0, item.sheets, item.returned ? 1 : 0));
    if (a.statusHistory) replaceStatusHistory(db, change.id, a.statusHistory);
    keepFrozenRecord(db, change.id, a.snapshot ?? null, a.receipts ?? []);
    replacePayments(db, change.id, a.payments ?? []);
  },
  remove: markDeletedIn('applications'),
};
