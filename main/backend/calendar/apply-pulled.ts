import { CenterCalendarData, DEFAULT_CENTER_CALENDAR } from '../../../shared/domain/center-calendar';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import type { PulledApplier, PulledContext } from '../sync/pulled-change';
import { writeMartialLaw } from './calendar-settings';

/**
 * The center's calendar as the back office holds it replaces this desk's: the switch, and the
 * set days (kept with the version that brought them); a day the record no longer holds gets a
 * tombstone. While this desk's own calendar edits are on their way, pull-apply leaves the
 * calendar alone: the back office applies them and sends the result as a later version.
 */
function replaceCalendar(db: Db, data: CenterCalendarData, version: number, ctx: PulledContext): void {
  writeMartialLaw(db, data.martialLaw);
  const days = Object.entries(data.days);
  statement(
    db,
    `UPDATE calendar_days SET deleted_at = ?, updated_at = ?, server_version = ?
     WHERE deleted_at IS NULL AND day NOT IN (SELECT value FROM json_each(?))`,
  ).run(ctx.at, ctx.at, version, JSON.stringify(days.map(([day]) => day)));
  const put = statement(
    db,
    `INSERT INTO calendar_days (day, kind, name, updated_at, server_version) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, updated_at = excluded.updated_at,
       server_version = excluded.server_version, deleted_at = NULL`,
  );
  for (const [day, entry] of days) put.run(day, entry.kind, entry.name, ctx.at, version);
}

export const calendarApplier: PulledApplier = {
  apply(db, change, ctx) {
    replaceCalendar(db, CenterCalendarData.parse(change.data), change.version, ctx);
  },
  // The back office never deletes a center's calendar; should it, the center is back to the defaults.
  remove(db, change, ctx) {
    replaceCalendar(db, DEFAULT_CENTER_CALENDAR, change.version, ctx);
  },
};
