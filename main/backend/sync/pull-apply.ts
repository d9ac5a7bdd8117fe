import { z } from 'zod';
import { ReceiptItem, Representative } from '../../../shared/domain/application';
import type { Change } from '../../../shared/sync-protocol';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import type { Logger } from '../log/logger';

/** Records made elsewhere name clerks this desk has never seen; they are shown as one. */
const REMOTE_CLERK_ID = 'remote-clerk';

function ensureRemoteClerk(db: Db, at: string): void {
  statement(
    db,
    "INSERT INTO clerks (id, full_name, roles, is_local, created_at, updated_at) VALUES (?, 'Інше робоче місце', '[]', 0, ?, ?) ON CONFLICT (id) DO NOTHING",
  ).run(REMOTE_CLERK_ID, at, at);
}

/**
 * Records with local changes still on their way to the back office: they stay as they are here
 * (ours go on top). Read once per page, not once per change. A change the back office refused
 * (conflict, dead, rejected) will never come back merged, so such a record takes the server's
 * state; the refused change stays listed for the supervisor.
 */
function aggregatesWithPendingChanges(db: Db): Set<string> {
  return new Set(
    statement(db, "SELECT DISTINCT aggregate FROM outbox WHERE status <> 'acked' AND status IN ('pending', 'inflight', 'blocked_on_blob')").pluck().all() as string[],
  );
}

const APPLICANT_COLUMNS = [
  'kind', 'surname', 'given_name', 'patronymic', 'birth_date', 'sex', 'rnokpp', 'rnokpp_refused', 'id_doc_type', 'id_doc_number',
  'id_doc_issuer', 'id_doc_issued_on', 'unzr', 'address', 'phone', 'email', 'notify_by', 'edrpou', 'legal_name', 'display_name', 'search_name',
] as const;

const UPSERT_APPLICANT = `INSERT INTO applicants (id, ${APPLICANT_COLUMNS.join(', ')}, clerk_id, created_at, updated_at, server_version)
  VALUES (?, ${APPLICANT_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET ${APPLICANT_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')},
    updated_at = excluded.updated_at, server_version = excluded.server_version, deleted_at = NULL`;

function applyApplicant(db: Db, change: Change, at: string): void {
  const data = change.data!;
  const values = APPLICANT_COLUMNS.map((c) => (c === 'rnokpp_refused' ? (data[c] ?? 0) : (data[c] ?? null)) as string | number | null);
  statement(db, UPSERT_APPLICANT).run(change.id, ...values, REMOTE_CLERK_ID, at, at, change.version);
}

const RemoteApplication = z.looseObject({
  regNumber: z.string(),
  serviceId: z.string(),
  applicantId: z.string(),
  representative: Representative.nullable().optional(),
  items: z.array(ReceiptItem),
  status: z.string(),
  registeredAt: z.string(),
  registeredOn: z.string(),
  dueDate: z.string(),
  resultDelivery: z.string(),
  notes: z.string().nullable().optional(),
  centerCode: z.string(),
  deskCode: z.string(),
});

function applyApplication(db: Db, change: Change, at: string, logger: Logger): void {
  const parsed = RemoteApplication.safeParse(change.data);
  if (!parsed.success) {
    logger.log('warn', 'Pulled application does not match what this desk understands; skipped', { id: change.id });
    return;
  }
  const a = parsed.data;
  const rep = a.representative ?? null;
  statement(
    db,
    `INSERT INTO applications (id, reg_number, service_id, applicant_id, rep_full_name, rep_doc_type, rep_doc_number, rep_poa_number,
       rep_poa_date, status, registered_at, registered_on, due_date, result_delivery, notes, clerk_id, center_code, desk_code, window,
       updated_at, server_version)
     VALUES (@id, @regNumber, @serviceId, @applicantId, @repName, @repDocType, @repDocNumber, @repPoaNumber, @repPoaDate, @status,
       @registeredAt, @registeredOn, @dueDate, @resultDelivery, @notes, @clerk, @centerCode, @deskCode, '', @at, @version)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, rep_full_name = excluded.rep_full_name, rep_doc_type = excluded.rep_doc_type,
       rep_doc_number = excluded.rep_doc_number, rep_poa_number = excluded.rep_poa_number, rep_poa_date = excluded.rep_poa_date,
       due_date = excluded.due_date, result_delivery = excluded.result_delivery, notes = excluded.notes,
       updated_at = excluded.updated_at, server_version = excluded.server_version`,
  ).run({
    id: change.id,
    regNumber: a.regNumber,
    serviceId: a.serviceId,
    applicantId: a.applicantId,
    repName: rep?.fullName ?? null,
    repDocType: rep?.idDocType ?? null,
    repDocNumber: rep?.idDocNumber ?? null,
    repPoaNumber: rep?.poaNumber ?? null,
    repPoaDate: rep?.poaDate ?? null,
    status: a.status,
    registeredAt: a.registeredAt,
    registeredOn: a.registeredOn,
    dueDate: a.dueDate,
    resultDelivery: a.resultDelivery,
    notes: a.notes ?? null,
    clerk: REMOTE_CLERK_ID,
    centerCode: a.centerCode,
    deskCode: a.deskCode,
    at,
    version: change.version,
  });
  statement(db, 'DELETE FROM application_items WHERE application_id = ?').run(change.id);
  const insertItem = statement(db, 'INSERT INTO application_items (application_id, position, name, original, sheets) VALUES (?, ?, ?, ?, ?)');
  a.items.forEach((item, i) => insertItem.run(change.id, i + 1, item.name, item.original ? 1 : 0, item.sheets));
}

const TOMBSTONE_TABLES: Readonly<Record<string, string>> = { applicant: 'applicants', application: 'applications', ticket: 'tickets' };

function applyChange(db: Db, change: Change, at: string, logger: Logger): void {
  if (change.data === null) {
    const table = TOMBSTONE_TABLES[change.entity];
    if (table) statement(db, `UPDATE ${table} SET deleted_at = ?, server_version = ? WHERE id = ?`).run(at, change.version, change.id);
  } else if (change.entity === 'applicant') applyApplicant(db, change, at);
  else if (change.entity === 'application') applyApplication(db, change, at, logger);
  else logger.log('info', 'Pulled a change of a kind this desk does not keep yet', { entity: change.entity, id: change.id });
}

/**
 * Applies one pulled page (the caller holds the transaction and stores the cursor with it).
 * Remote changes are written straight to the tables, never through commands, so they never
 * re-enter the outbox. A record with unacknowledged local changes is left alone: the back
 * office merges ours with theirs and sends the result as a later change.
 *
 * The page goes in whole inside one savepoint; only if a change fails is it rolled back and
 * applied again change by change, each in its own savepoint, so one record this desk cannot
 * hold (a service it does not know, say) is skipped and the rest land. (A savepoint per change
 * on every page cost a third of the apply time.)
 */
export function createChangeApplier(logger: Logger) {
  return (db: Db, changes: readonly Change[]): void => {
    const at = new Date().toISOString();
    ensureRemoteClerk(db, at);
    const pending = aggregatesWithPendingChanges(db);
    const ours = (change: Change) => pending.has(`${change.entity}:${change.id}`);
    try {
      db.transaction(() => {
        for (const change of changes) if (!ours(change)) applyChange(db, change, at, logger);
      })();
      return;
    } catch {
      // Found below, change by change.
    }
    for (const change of changes) {
      if (ours(change)) continue;
      try {
        db.transaction(() => applyChange(db, change, at, logger))();
      } catch (error) {
        logger.log('warn', 'Pulled change could not be applied; skipped', { entity: change.entity, id: change.id, error: (error as Error).message });
      }
    }
  };
}
