import { z } from 'zod';
import { isCalendarDay } from '../calendar';
import type { WorkCalendar } from '../calendar';
import { templateDaysOff } from '../calendar-template';

/**
 * A center's working-day calendar as the back office keeps it (one record, `calendar:<center>`,
 * docs/ARCHITECTURE.md §6.4) and every desk of the center pulls: the martial-law switch and the
 * days a supervisor set. The statutory template is not stored: it is computed
 * (shared/calendar-template.ts) and applies only when the switch is off.
 */
export const CalendarDayKind = z.enum(['day_off', 'working_day']);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;

export const CalendarDayEntry = z.object({ kind: CalendarDayKind, name: z.string().trim().max(200) }).strict();
export type CalendarDayEntry = z.infer<typeof CalendarDayEntry>;

export const CenterCalendarData = z
  .object({
    martialLaw: z.boolean(),
    days: z.record(z.string().refine(isCalendarDay, 'use a real date as YYYY-MM-DD'), CalendarDayEntry),
  })
  .strict();
export type CenterCalendarData = z.infer<typeof CenterCalendarData>;

/** A center that has set nothing yet: martial law is in force, so the template's days are worked. */
export const DEFAULT_CENTER_CALENDAR: CenterCalendarData = { martialLaw: true, days: {} };

/**
 * The working-day calendar a center's record gives (as a desk's `loadCalendar` builds it from the
 * same record): the days set, over the statutory template when martial law is off.
 */
export function workCalendarOf(data: CenterCalendarData): WorkCalendar {
  const days = Object.entries(data.days);
  return {
    daysOff: new Set(days.filter(([, entry]) => entry.kind === 'day_off').map(([day]) => day)),
    workingDays: new Set(days.filter(([, entry]) => entry.kind === 'working_day').map(([day]) => day)),
    ...(data.martialLaw ? {} : { ruleDaysOff: templateDaysOff }),
  };
}
