import { Authority } from '../../../shared/domain/application';
import { CaseSnapshot } from '../../../shared/domain/case-snapshot';
import type { Application, StoredApplication, StoredApplicationSummary } from '../../../shared/domain/application';
import type { CaseTerms } from '../../../shared/domain/case-snapshot';
import type { DeadlineRuleData } from '../../../shared/domain/deadline-rule';
import { StatusFacts } from '../../../shared/domain/status-facts';
import { DAY_PAGE_MAX } from '../../../shared/contract';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { readReceipts } from '../receipts/receipt-versions';
import { paymentBalance } from '../../../shared/domain/payment';
import { readPayments } from '../payments/queries';
import { readStatusHistory } from './status-history';

/**
 * `due_date` is NOT NULL since 0002 and relaxing that means rebuilding `applications`, which the
 * migrations avoid: a case whose term runs from a later event (hand-off, register entry) stores
 * this until that event gives the date. Only this module and the writers know it.
 */
export const NO_DUE_DATE = '';

export function dueDateOf(column: string): string | null {
  return column === NO_DUE_DATE ? null : column;
}

interface ApplicationRow {
  id: string;
  reg_number: string;
  status: Application['status'];
  service_id: string;
  service_code: string;
  service_name_uk: string;
  service_name_en: string;
  applicant_id: string;
  applicant_name: string;
  rep_full_name: string | null;
  rep_doc_type: string | null;
  rep_doc_number: string | null;
  rep_poa_number: string | null;
  rep_poa_date: string | null;
  representative_id: string | null;
  rep_authority: string | null;
  rep_name: string | null;
  rep_doc_type_on_file: string | null;
  rep_doc_number_on_file: string | null;
  subject_id: string | null;
  subject_name: string | null;
  insisted: string | null;
  registered_at: string;
  registered_on: string;
  due_date: string;
  terms: string | null;
  payments_tracked: 0 | 1;
  result_delivery: Application['resultDelivery'];
  notes: string | null;
  clerk_id: string;
  center_code: string;
  desk_code: string;
  window: string;
  ticket_id: string | null;
  snapshot: string | null;
  server_version: number | null;
  sync_state: Application['sync'];
  status_facts: string | null;
}

/**
 * The record's standing with the back office, from its outbox: any refused or conflicting
 * change → attention; any change not yet acknowledged → local; else synced once the server
 * has a version of it.
 */
const SYNC_STATE = `coalesce(
    (SELECT CASE WHEN max(o.status IN ('dead', 'conflict')) = 1 THEN 'attention' ELSE 'local' END
     FROM outbox o WHERE o.aggregate = 'application:' || a.id AND o.status <> 'acked' HAVING count(*) > 0),
    CASE WHEN a.server_version IS NULL THEN 'local' ELSE 'synced' END) AS sync_state`;

const SELECT_APPLICATION = `
  SELECT a.*, ${SYNC_STATE}, s.code AS service_code, s.name_uk AS service_name_uk, s.name_en AS service_name_en, p.display_name AS applicant_name,
    r.display_name AS rep_name, r.id_doc_type AS rep_doc_type_on_file, r.id_doc_number AS rep_doc_number_on_file,
    c.display_name AS subject_name
  FROM applications a JOIN services s ON s.id = a.service_id JOIN applicants p ON p.id = a.applicant_id
    LEFT JOIN applicants r ON r.id = a.representative_id LEFT JOIN applicants c ON c.id = a.subject_id
  WHERE a.deleted_at IS NULL`;

/** The representative as a person on file with their authority (what registrations since migration 0007 store). */
function representativeOf(row: ApplicationRow): Application['representative'] {
  if (row.representative_id === null || row.rep_authority === null) return null;
  return {
    applicantId: row.representative_id,
    displayName: row.rep_name ?? '',
    idDoc:
      row.rep_doc_type_on_file !== null && row.rep_doc_number_on_file !== null
        ? { type: row.rep_doc_type_on_file, number: row.rep_doc_number_on_file }
        : null,
    authority: Authority.parse(JSON.parse(row.rep_authority)),
  };
}

/** The representative as earlier versions stored it: name, document and power of attorney as typed. */
function legacyRepresentativeOf(row: ApplicationRow): Application['legacyRepresentative'] {
  if (!row.rep_full_name || !row.rep_poa_number || !row.rep_poa_date) return null;
  return {
    fullName: row.rep_full_name,
    ...(row.rep_doc_type ? { idDocType: row.rep_doc_type } : {}),
    ...(row.rep_doc_number ? { idDocNumber: row.rep_doc_number } : {}),
    poaNumber: row.rep_poa_number,
    poaDate: row.rep_poa_date,
  };
}

function toApplication(db: Db, row: ApplicationRow): StoredApplication {
  const items = statement(
    db,
    'SELECT name, original, sheets, returned FROM application_items WHERE application_id = ? ORDER BY position',
  ).all(row.id) as Array<{ name: string; original: number; sheets: number; returned: number }>;
  const payments = readPayments(db, row.id);
  const terms = row.terms === null ? null : (JSON.parse(row.terms) as CaseTerms);
  const facts = StatusFacts.parse(row.status_facts ? JSON.parse(row.status_facts) : {});
  return {
    id: row.id,
    regNumber: row.reg_number,
    status: row.status,
    service: { id: row.service_id, code: row.service_code, nameUk: row.service_name_uk, nameEn: row.service_name_en },
    applicant: { id: row.applicant_id, displayName: row.applicant_name },
    representative: representativeOf(row),
    legacyRepresentative: legacyRepresentativeOf(row),
    subject: row.subject_id === null ? null : { id: row.subject_id, displayName: row.subject_name ?? '' },
    insisted: row.insisted === null ? null : (JSON.parse(row.insisted) as Application['insisted']),
    items: items.map((i) => ({ name: i.name, original: i.original === 1, sheets: i.sheets, returned: i.returned === 1 })),
    registeredAt: row.registered_at,
    registeredOn: row.registered_on,
    dueDate: dueDateOf(row.due_date),
    terms,
    resultDelivery: row.result_delivery,
    notes: row.notes,
    clerkId: row.clerk_id,
    centerCode: row.center_code,
    deskCode: row.desk_code,
    window: row.window,
    ticketId: row.ticket_id,
    history: readStatusHistory(db, row.id),
    snapshot: row.snapshot === null ? null : CaseSnapshot.parse(JSON.parse(row.snapshot)),
    receipts: readReceipts(db, row.id),
    payments,
    balance: paymentBalance(row.payments_tracked === 1 ? (terms?.fee ?? null) : null, payments),
    serverVersion: row.server_version,
    sync: row.sync_state,
    outcome: facts.outcome,
    receiver: facts.receiver,
    trackingNumber: facts.trackingNumber,
    transferTo: facts.transferTo,
    withdrawal: facts.withdrawal,
    suspensions: facts.suspensions,
    originalDueDate: facts.originalDueDate ?? dueDateOf(row.due_date),
  };
}

export function getApplicationById(db: Db, id: string): StoredApplication | null {
  const row = statement(db, `${SELECT_APPLICATION} AND a.id = ?`).get(id) as ApplicationRow | undefined;
  return row ? toApplication(db, row) : null;
}

export function getApplicationByNumber(db: Db, regNumber: string): StoredApplication | null {
  const row = statement(db, `${SELECT_APPLICATION} AND a.reg_number = ?`).get(regNumber) as ApplicationRow | undefined;
  return row ? toApplication(db, row) : null;
}

type SummaryRow = {
  id: string;
  reg_number: string;
  status: Application['status'];
  name_uk: string;
  name_en: string;
  display_name: string;
  registered_at: string;
  registered_on: string;
  due_date: string;
  deadline: string | null;
  sync_state: Application['sync'];
};

/** A summary as the store reads it: the flags, which depend on today, are the handler's. */
export type StoredSummary = StoredApplicationSummary;

const SUMMARY_COLUMNS = `a.id, a.reg_number, a.status, s.name_uk, s.name_en, p.display_name, a.registered_at, a.registered_on, a.due_date,
         a.terms ->> '$.deadline' AS deadline, ${SYNC_STATE}`;
const SUMMARY_JOINS = 'JOIN services s ON s.id = a.service_id JOIN applicants p ON p.id = a.applicant_id';

function toSummary(r: SummaryRow): StoredSummary {
  return {
    id: r.id,
    regNumber: r.reg_number,
    status: r.status,
    serviceName: { uk: r.name_uk, en: r.name_en },
    applicantName: r.display_name,
    registeredAt: r.registered_at,
    registeredOn: r.registered_on,
    dueDate: dueDateOf(r.due_date),
    deadline: r.deadline === null ? null : (JSON.parse(r.deadline) as DeadlineRuleData),
    sync: r.sync_state,
  };
}

/** Summaries of the applications matching `where` (SQL over `a`, the applications table), newest first. */
export function applicationSummaries(db: Db, where: string, params: unknown[], limit: number): StoredSummary[] {
  const rows = statement(
    db,
    `SELECT ${SUMMARY_COLUMNS}
       FROM applications a ${SUMMARY_JOINS}
       WHERE (${where}) AND a.deleted_at IS NULL
       ORDER BY a.registered_at DESC, a.reg_number DESC LIMIT ?`,
  ).all(...params, limit) as SummaryRow[];
  return rows.map(toSummary);
}

/** A page of a day's list and what keeps its pages in step (the contract's `applications.listToday`). */
export interface StoredDayPage {
  /** The day's applications as of `upTo`. */
  total: number;
  /**
   * The newest row the list counts (the table's highest rowid when the first page was read):
   * later pages pass it back, so a row registered or pulled meanwhile shifts no page and no row
   * is skipped or shown twice; it appears when the list is read afresh.
   */
  upTo: number;
  rows: StoredSummary[];
}

const DAY_ROWS = 'a.registered_on = ? AND a.deleted_at IS NULL AND a.rowid <= ?';

/**
 * Applications registered on a local day, newest first, `limit` of them from `offset` (issue 17:
 * the list asks for the rows in view as it scrolls, not a busy day's 10,000 in one frame). The
 * inner query sorts only rowids and the order's keys; the joins, the outbox look-up of the sync
 * state and the JSON are done for the page's rows alone.
 */
export function listApplicationsOn(
  db: Db,
  day: string,
  page: { offset: number; limit: number; upTo?: number | undefined } = { offset: 0, limit: DAY_PAGE_MAX },
): StoredDayPage {
  const upTo = page.upTo ?? (statement(db, 'SELECT coalesce(max(rowid), 0) AS top FROM applications').get() as { top: number }).top;
  const { total } = statement(db, `SELECT count(*) AS total FROM applications a WHERE ${DAY_ROWS}`).get(day, upTo) as { total: number };
  const rows = statement(
    db,
    `SELECT ${SUMMARY_COLUMNS}
       FROM (SELECT a.rowid AS row FROM applications a WHERE ${DAY_ROWS}
             ORDER BY a.registered_at DESC, a.reg_number DESC, a.rowid DESC LIMIT ? OFFSET ?) AS pg
       JOIN applications a ON a.rowid = pg.row ${SUMMARY_JOINS}
       ORDER BY a.registered_at DESC, a.reg_number DESC, a.rowid DESC`,
  ).all(day, upTo, page.limit, page.offset) as SummaryRow[];
  return { total, upTo, rows: rows.map(toSummary) };
}
