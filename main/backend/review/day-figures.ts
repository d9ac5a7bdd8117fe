import type { ApplicationStatus } from '../../../shared/domain/application-status';
import { CaseTerms } from '../../../shared/domain/case-snapshot';
import { paymentBalance } from '../../../shared/domain/payment';
import { StatusFacts } from '../../../shared/domain/status-facts';
import { statusFlags } from '../../../shared/domain/status-flags';
import type { DeadlineKind } from '../../../shared/domain/deadline-rule';
import { daysFrom } from '../../../shared/review';
import type { ReviewDay, ReviewRow } from '../../../shared/review';
import { NO_DUE_DATE } from '../applications/queries';
import { loadCalendar } from '../catalog/services';
import type { StatusRules } from '../config/desk-config';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { readPayments } from '../payments/queries';

interface FigureRow {
  id: string;
  reg_number: string;
  applicant_name: string;
  service_code: string;
  name_uk: string;
  name_en: string;
  clerk_id: string;
  clerk_name: string | null;
  status: ApplicationStatus;
  registered_on: string;
  due_date: string;
  due_kind: DeadlineKind | null;
  status_facts: string | null;
  terms: string | null;
  payments_tracked: number;
}

const ROWS = `SELECT a.id, a.reg_number, p.display_name AS applicant_name, s.code AS service_code, s.name_uk, s.name_en, a.clerk_id,
    c.full_name AS clerk_name, a.status, a.registered_on, a.due_date, a.terms ->> '$.deadline.kind' AS due_kind, a.status_facts, a.terms,
    a.payments_tracked
  FROM applications a JOIN services s ON s.id = a.service_id JOIN applicants p ON p.id = a.applicant_id LEFT JOIN clerks c ON c.id = a.clerk_id`;

/** The statuses in which a case is still open at the center or the provider: the late and waiting lists look only at these. */
const OPEN = ['registered', 'sent_to_provider', 'in_progress', 'result_ready'] as const;

function reviewRow(r: FigureRow): ReviewRow {
  return {
    id: r.id,
    regNumber: r.reg_number,
    applicantName: r.applicant_name,
    service: { code: r.service_code, uk: r.name_uk, en: r.name_en },
    clerkId: r.clerk_id,
    // A case pulled from another desk names a clerk this desk may not know: the id is all there is.
    clerkName: r.clerk_name ?? r.clerk_id,
    status: r.status,
    registeredOn: r.registered_on,
    dueDate: r.due_date === NO_DUE_DATE ? null : r.due_date,
  };
}

/** Counts of `rows` per key, most first (ties by key). */
function countBy<T>(rows: readonly ReviewRow[], keyOf: (row: ReviewRow) => string, make: (row: ReviewRow, count: number) => T): T[] {
  const groups = new Map<string, { row: ReviewRow; count: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { row, count: 1 });
  }
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => b.count - a.count || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([, g]) => make(g.row, g.count));
}

export interface FigureSettings {
  from: string;
  to: string;
  today: string;
  waitingDays: number;
  rules: StatusRules;
}

/**
 * The applications' side of the supervisor's day (docs/ARCHITECTURE.md §6.1, §6.7): the period's
 * registrations by clerk, service and current status, and its unsettled fees; then, as of today
 * and whenever registered, the open work — hand-offs still to make (and late), terms running out
 * or past (the status flags with the center's calendar), results waiting at the window longer
 * than `waitingDays`. Registrations of the period come by the registered_on index; the open work
 * is found by status.
 */
export function applicationFigures(db: Db, settings: FigureSettings): Omit<ReviewDay, 'queue'> {
  const { from, to, today, waitingDays, rules } = settings;
  const period = statement(
    db,
    `${ROWS} WHERE a.registered_on BETWEEN ? AND ? AND a.deleted_at IS NULL ORDER BY a.registered_at, a.reg_number`,
  ).all(from, to) as FigureRow[];
  const open = statement(
    db,
    `${ROWS} WHERE a.status IN (${OPEN.map(() => '?').join(', ')}) AND a.deleted_at IS NULL ORDER BY a.registered_at, a.reg_number`,
  ).all(...OPEN) as FigureRow[];
  const calendar = loadCalendar(db);
  const flagged = open.map((r) => ({
    row: r,
    flags: statusFlags(
      { status: r.status, registeredOn: r.registered_on, dueDate: reviewRow(r).dueDate, dueKind: r.due_kind ?? 'not_after' },
      today,
      calendar,
      rules,
    ),
  }));
  const registered = period.map(reviewRow);
  const unpaid = period.flatMap((r) => {
    // A registration made in error is no case: nothing is owed on it.
    if (r.status === 'registered_in_error') return [];
    const terms = r.terms === null ? null : CaseTerms.parse(JSON.parse(r.terms));
    const balance = paymentBalance(r.payments_tracked === 1 ? (terms?.fee ?? null) : null, readPayments(db, r.id));
    return balance.settled ? [] : [{ ...reviewRow(r), outstandingKopecks: balance.outstandingKopecks }];
  });
  const waitingCollection = open.flatMap((r) => {
    if (r.status !== 'result_ready') return [];
    const readyOn = StatusFacts.parse(r.status_facts === null ? {} : JSON.parse(r.status_facts)).resultReadyOn;
    if (readyOn === null) return [];
    const waited = daysFrom(readyOn, today);
    return waited > waitingDays ? [{ ...reviewRow(r), resultReadyOn: readyOn, waitingDays: waited }] : [];
  });
  return {
    from,
    to,
    today,
    waitingDays,
    byClerk: countBy(
      registered,
      (r) => r.clerkId,
      (r, count) => ({ clerkId: r.clerkId, clerkName: r.clerkName, count }),
    ),
    byService: countBy(
      registered,
      (r) => r.service.code,
      (r, count) => ({ ...r.service, count }),
    ),
    byStatus: countBy(
      registered,
      (r) => r.status,
      (r, count) => ({ status: r.status, count }),
    ),
    registered,
    handoffsDue: flagged.filter((f) => f.row.status === 'registered').map((f) => reviewRow(f.row)),
    handoffsOverdue: flagged.filter((f) => f.flags.handoffOverdue).map((f) => reviewRow(f.row)),
    dueSoon: flagged.filter((f) => f.flags.dueSoon).map((f) => reviewRow(f.row)),
    overdue: flagged.filter((f) => f.flags.overdue).map((f) => reviewRow(f.row)),
    waitingCollection,
    unpaid,
  };
}
