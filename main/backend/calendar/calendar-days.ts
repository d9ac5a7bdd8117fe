import { appendAudit } from '../audit/audit-log';
import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

export interface CalendarDay {
  day: string;
  kind: 'day_off' | 'working_day';
  name: string;
}

export function listCalendarDays(db: Db, from: string, to: string): CalendarDay[] {
  return statement(db, 'SELECT day, kind, name FROM calendar_days WHERE day BETWEEN ? AND ? AND deleted_at IS NULL ORDER BY day').all(
    from,
    to,
  ) as CalendarDay[];
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
    appendAudit(env.db, {
      at,
      actor: env.clerkId,
      action: 'calendar.put',
      entity: 'calendar_day',
      entityId: entry.day,
      details: { ...entry },
    });
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
    appendAudit(env.db, { at, actor: env.clerkId, action: 'calendar.remove', entity: 'calendar_day', entityId: day });
    return true;
  });
}
