import { appendAudit } from '../audit/audit-log';
import type { AuditEntry } from '../audit/audit-log';
import { recordChange, runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import type { Mutation } from '../outbox/enqueue';
import { readMartialLaw, writeMartialLaw } from './calendar-settings';

type CalendarKind = 'calendar.day' | 'calendar.settings';

export interface CalendarDay {
  day: string;
  kind: 'day_off' | 'working_day';
  name: string;
}

/** A listed day: `pending` while this desk's edit of it has not reached the back office. */
export interface ListedCalendarDay extends CalendarDay {
  pending: boolean;
}

const UNDELIVERED = "o.status <> 'acked' AND o.status IN ('pending', 'inflight', 'blocked_on_blob')";

export function listCalendarDays(db: Db, from: string, to: string): ListedCalendarDay[] {
  const rows = statement(
    db,
    `SELECT d.day, d.kind, d.name,
       EXISTS (SELECT 1 FROM outbox o WHERE ${UNDELIVERED} AND o.kind = 'calendar.day' AND json_extract(o.payload, '$.day') = d.day) AS pending
     FROM calendar_days d WHERE d.day BETWEEN ? AND ? AND d.deleted_at IS NULL ORDER BY d.day`,
  ).all(from, to) as Array<CalendarDay & { pending: number }>;
  return rows.map((row) => ({ ...row, pending: row.pending === 1 }));
}

export interface CalendarSettings {
  martialLaw: boolean;
  pending: boolean;
  /** The calendar is the center's, kept by the back office; false on a standalone desk. */
  centerOwned: boolean;
}

export function readCalendarSettings(db: Db, centerOwned: boolean): CalendarSettings {
  const pending = statement(db, `SELECT EXISTS (SELECT 1 FROM outbox o WHERE ${UNDELIVERED} AND o.kind = 'calendar.settings')`)
    .pluck()
    .get() as number;
  return { martialLaw: readMartialLaw(db), pending: pending === 1, centerOwned };
}

/**
 * The calendar belongs to the back office per center (docs/ARCHITECTURE.md §6.4): on a desk that
 * syncs, an edit goes to the outbox as well, and shows here at once. A standalone desk has no
 * center to share it with and keeps it locally, audited; queueing its edits would, on a later
 * enrollment, overwrite the center's calendar with days set for one desk.
 */
function recordCalendarEdit(
  env: CommandEnv,
  at: string,
  mutation: Omit<Mutation<CalendarKind>, 'actor' | 'baseVersion'>,
  audit: Omit<AuditEntry, 'at' | 'actor'>,
): void {
  // Last writer wins at the back office (server/sync/apply/calendar.ts): no base version to send.
  if (env.desk.backOfficeUrl === null) appendAudit(env.db, { ...audit, at, actor: env.clerkId });
  else recordChange<CalendarKind>(env, at, { ...mutation, baseVersion: null }, audit);
}

/**
 * Marks a day as off (a holiday on a weekday) or as worked (a transferred Saturday). The
 * calendar is data a supervisor keeps: public holidays change (and under martial law are not
 * days off), so nothing is hard-coded. New due dates use it at once; registered ones keep theirs.
 */
export function putCalendarDay(env: CommandEnv, entry: CalendarDay): void {
  const at = env.now().toISOString();
  runCommand(env.db, () => {
    statement(
      env.db,
      `INSERT INTO calendar_days (day, kind, name, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, updated_at = excluded.updated_at, deleted_at = NULL`,
    ).run(entry.day, entry.kind, entry.name, at);
    recordCalendarEdit(
      env,
      at,
      { kind: 'calendar.day', payload: { id: env.desk.center.code, day: entry.day, entry: { kind: entry.kind, name: entry.name } } },
      { action: 'calendar.put', entity: 'calendar_day', entityId: entry.day, details: { ...entry } },
    );
  });
}

/** Back to an ordinary day (a tombstone, so a later sync can carry the removal). */
export function removeCalendarDay(env: CommandEnv, day: string): boolean {
  const at = env.now().toISOString();
  return runCommand(env.db, () => {
    const info = statement(env.db, 'UPDATE calendar_days SET deleted_at = ?, updated_at = ? WHERE day = ? AND deleted_at IS NULL').run(
      at,
      at,
      day,
    );
    if (info.changes === 0) return false;
    recordCalendarEdit(
      env,
      at,
      { kind: 'calendar.day', payload: { id: env.desk.center.code, day, entry: null } },
      { action: 'calendar.remove', entity: 'calendar_day', entityId: day },
    );
    return true;
  });
}

/** The martial-law switch: off, the statutory template's holidays and transfers are days off. */
export function setMartialLaw(env: CommandEnv, martialLaw: boolean): void {
  const at = env.now().toISOString();
  runCommand(env.db, () => {
    writeMartialLaw(env.db, martialLaw);
    recordCalendarEdit(
      env,
      at,
      { kind: 'calendar.settings', payload: { id: env.desk.center.code, martialLaw } },
      { action: 'calendar.martial_law', entity: 'calendar', entityId: env.desk.center.code, details: { martialLaw } },
    );
  });
}
