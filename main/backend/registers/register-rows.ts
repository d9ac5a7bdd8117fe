import type { StoredApplication } from '../../../shared/domain/application';
import type { DayRow, IssuedRow, JournalRow, OpenDataRow, Period } from '../../../shared/registers';
import { localDay } from '../../../shared/local-day';
import { getApplicationById } from '../applications/queries';
import { getService } from '../catalog/queries';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { formatLocalDateTime } from '../receipts/receipt-text';

const DAY_MS = 86_400_000;

/**
 * Instants that surely hold every moment of the period's local days, whatever the zone (a day
 * either side): rows are then kept by their local day, so the bounds need no zone arithmetic.
 */
function roughWindow(period: Period): { start: string; end: string } {
  return {
    start: new Date(Date.parse(`${period.from}T00:00:00Z`) - DAY_MS).toISOString(),
    end: new Date(Date.parse(`${period.to}T00:00:00Z`) + 2 * DAY_MS).toISOString(),
  };
}

const inPeriod = (at: string, period: Period, timeZone: string) => {
  const day = localDay(new Date(at), timeZone);
  return day >= period.from && day <= period.to;
};

function applications(db: Db, sql: string, params: unknown[]): StoredApplication[] {
  const ids = statement(db, sql)
    .pluck()
    .all(...params) as string[];
  return ids.flatMap((id) => getApplicationById(db, id) ?? []);
}

/** Names as registered (the frozen record), the catalog's for a case pulled without one. */
function namesOf(db: Db, app: StoredApplication) {
  const card = app.snapshot ? null : getService(db, app.service.id);
  const provider = app.snapshot?.provider ?? card?.provider ?? { nameUk: '', nameEn: '', edrpou: null };
  return { service: { uk: app.service.nameUk, en: app.service.nameEn }, provider };
}

function clerkName(db: Db, clerkId: string): string | null {
  return (statement(db, 'SELECT full_name FROM clerks WHERE id = ?').pluck().get(clerkId) as string | undefined) ?? null;
}

const registration = (app: StoredApplication) => app.history.find((step) => step.to === 'registered');

/** The registration journal: every case registered in the period, in the order of registration. */
export function journalRows(db: Db, period: Period): JournalRow[] {
  return applications(
    db,
    `SELECT id FROM applications WHERE deleted_at IS NULL AND registered_on BETWEEN ? AND ? ORDER BY registered_at, reg_number`,
    [period.from, period.to],
  ).map((app) => ({
    applicationId: app.id,
    regNumber: app.regNumber,
    registeredAt: app.registeredAt,
    applicantName: app.applicant.displayName,
    service: namesOf(db, app).service,
    clerkName: app.snapshot?.clerk.name ?? registration(app)?.actorName ?? clerkName(db, app.clerkId),
    status: app.status,
    sheets: app.items.reduce((sum, item) => sum + item.sheets, 0),
    feeKopecks: app.terms?.fee.totalKopecks ?? null,
  }));
}

const HANDED_OUT = ['issued', 'sent_by_post'] as const;

/** The issue register: every result handed to its applicant (or to the post) in the period. */
export function issuedRows(db: Db, period: Period, timeZone: string): IssuedRow[] {
  const window = roughWindow(period);
  const rows = applications(
    db,
    `SELECT id FROM applications WHERE deleted_at IS NULL AND status IN ('issued', 'sent_by_post', 'delivered') AND updated_at >= ?`,
    [window.start],
  ).flatMap((app): IssuedRow[] => {
    const step = app.history.findLast((s) => (HANDED_OUT as readonly string[]).includes(s.to));
    if (!step || !inPeriod(step.at, period, timeZone)) return [];
    return [
      {
        applicationId: app.id,
        regNumber: app.regNumber,
        applicantName: app.applicant.displayName,
        service: namesOf(db, app).service,
        how: step.to as IssuedRow['how'],
        result: app.outcome?.kind ?? null,
        receivedBy: step.to === 'issued' ? (app.receiver?.name ?? step.receivedBy) : app.trackingNumber,
        issuedAt: step.at,
        clerkName: step.actorName ?? clerkName(db, step.clerkId),
      },
    ];
  });
  return rows.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.regNumber.localeCompare(b.regNumber));
}

/** The day's register: every status step of the period, the registrations included, in time order. */
export function dayRows(db: Db, period: Period, timeZone: string): DayRow[] {
  const window = roughWindow(period);
  const rows = applications(db, 'SELECT id FROM applications WHERE deleted_at IS NULL AND registered_at < ? AND updated_at >= ?', [
    window.end,
    window.start,
  ]).flatMap((app) =>
    app.history
      .filter((step) => inPeriod(step.at, period, timeZone))
      .map((step): DayRow => ({
        applicationId: app.id,
        regNumber: app.regNumber,
        at: step.at,
        applicantName: app.applicant.displayName,
        service: namesOf(db, app).service,
        from: step.from,
        to: step.to,
        clerkName: step.actorName ?? clerkName(db, step.clerkId),
      })),
  );
  return rows.sort((a, b) => a.at.localeCompare(b.at) || a.regNumber.localeCompare(b.regNumber));
}

const APPLICANT_TYPE = { person: 'фізична особа', sole_trader: 'фізична особа — підприємець', legal_entity: 'юридична особа' } as const;

/** The status in the set's words (its examples: «На виконанні», «Виконано»): done once a result exists. */
const OPEN_STATUS: Record<StoredApplication['status'], string> = {
  registered: 'На виконанні',
  sent_to_provider: 'На виконанні',
  in_progress: 'На виконанні',
  needs_info: 'Розгляд зупинено',
  result_ready: 'Виконано',
  issued: 'Виконано',
  sent_by_post: 'Виконано',
  delivered: 'Виконано',
  transferred: 'Передано за належністю',
  withdrawn: 'Відкликано заявником',
  registered_in_error: 'Скасовано',
  returned_unclaimed: 'Виконано',
  refused: 'Виконано',
};

/** `YYYY-MM-DDTHH:MM` on the center's clock, the set's form of a date and time. */
function localMinute(iso: string, timeZone: string): string {
  const [day, time] = formatLocalDateTime(iso, timeZone).split(' ');
  const [dd, mm, yyyy] = (day ?? '').split('.');
  return `${yyyy}-${mm}-${dd}T${time}`;
}

/**
 * The open-data set's rows for the cases registered in the period (uid: the registration number,
 * the case's number the set asks for). Only a legal entity is named
 * (its name and ЄДРПОУ are public); a person's or a sole trader's name, РНОКПП or anything else of
 * theirs never enters a row.
 */
export function openDataRows(db: Db, period: Period, timeZone: string): OpenDataRow[] {
  return journalRows(db, period).map((line) => {
    const app = getApplicationById(db, line.applicationId)!;
    const party = statement(
      db,
      `SELECT p.kind, p.legal_name, p.edrpou, a.status_facts ->> '$.resultReadyOn' AS result_ready_on
       FROM applications a JOIN applicants p ON p.id = a.applicant_id WHERE a.id = ?`,
    ).get(app.id) as {
      kind: keyof typeof APPLICANT_TYPE;
      legal_name: string | null;
      edrpou: string | null;
      result_ready_on: string | null;
    };
    const legal = party.kind === 'legal_entity';
    const { provider } = namesOf(db, app);
    const handedOut = app.history.findLast((s) => (HANDED_OUT as readonly string[]).includes(s.to));
    return {
      uid: app.regNumber,
      registrationDateTime: localMinute(app.registeredAt, timeZone),
      code: app.service.code,
      title: app.service.nameUk,
      authorityId: provider.edrpou ?? '',
      authorityName: provider.nameUk,
      applicantType: APPLICANT_TYPE[party.kind],
      applicantName: legal ? (party.legal_name ?? '') : '',
      applicantId: legal ? (party.edrpou ?? '') : '',
      status: OPEN_STATUS[app.status],
      providDate: party.result_ready_on ?? '',
      // The fee paid where payments are kept per case; the fee as registered otherwise.
      amount: ((app.balance.tracked ? app.balance.paidKopecks : (line.feeKopecks ?? 0)) / 100).toFixed(2),
      currency: 'UAH',
      issuedDate: handedOut ? localDay(new Date(handedOut.at), timeZone) : '',
    };
  });
}
