import type { WorkCalendar } from '../../../shared/calendar';
import { templateDaysOff } from '../../../shared/calendar-template';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/**
 * The center's martial-law switch as this desk holds it: a `desk_meta` key (no table of its own:
 * one value, pulled with the center's calendar). Absent means on, the default: under martial law
 * КЗпП art. 73 is not applied (docs/ARCHITECTURE.md §6.4).
 */
const MARTIAL_LAW_KEY = 'calendar.martial_law';

export function readMartialLaw(db: Db): boolean {
  const value = statement(db, 'SELECT value FROM desk_meta WHERE key = ?').pluck().get(MARTIAL_LAW_KEY) as string | undefined;
  return value !== 'off';
}

/** Inside the caller's transaction. */
export function writeMartialLaw(db: Db, on: boolean): void {
  statement(db, 'INSERT INTO desk_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    MARTIAL_LAW_KEY,
    on ? 'on' : 'off',
  );
}

/** The statutory template as the calendar's rule when martial law is off; nothing when it is on. */
export function templateRule(db: Db): Pick<WorkCalendar, 'ruleDaysOff'> {
  return readMartialLaw(db) ? {} : { ruleDaysOff: templateDaysOff };
}
