/**
 * The year template as the calendar dialog shows it, pure: each statutory holiday and art. 67
 * transfer of a year, and whether it is a day off now — by a day the supervisor set, by the
 * weekend, or by the martial-law switch (docs/ARCHITECTURE.md §6.4).
 */
import { addDays, nextWorkingDay } from '../../../../shared/calendar';
import { STATUTORY_HOLIDAYS, TEMPLATE_YEARS, templateDaysOff, yearTemplate } from '../../../../shared/calendar-template';
import type { StatutoryHoliday, TemplateDay } from '../../../../shared/calendar-template';
import type { CalendarEntry } from './calendar-entry';

export type TemplateStatus = 'off' | 'worked' | 'worked_martial_law';

export interface TemplateRow extends TemplateDay {
  holiday: StatutoryHoliday;
  status: TemplateStatus;
  /** The status comes from a day the supervisor set, not from the template. */
  byEntry: boolean;
}

export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The template's days dated in `year` (the year before may move a day off into its January). */
export function templateRows(year: number, martialLaw: boolean, entries: readonly CalendarEntry[]): TemplateRow[] {
  if (year < TEMPLATE_YEARS.first || year > TEMPLATE_YEARS.last) return [];
  const prefix = `${year}-`;
  const days = year > TEMPLATE_YEARS.first ? [...yearTemplate(year - 1), ...yearTemplate(year)] : [...yearTemplate(year)];
  const set = new Map(entries.map((entry) => [entry.day, entry.kind]));
  const holidays = new Map(STATUTORY_HOLIDAYS.map((h) => [h.id, h]));
  return days.flatMap((d): TemplateRow[] => {
    const holiday = holidays.get(d.holidayId);
    if (!holiday || !d.day.startsWith(prefix)) return [];
    const entry = set.get(d.day);
    if (entry) return [{ ...d, holiday, status: entry === 'day_off' ? 'off' : 'worked', byEntry: true }];
    return [{ ...d, holiday, status: isWeekend(d.day) || !martialLaw ? 'off' : 'worked_martial_law', byEntry: false }];
  });
}

/**
 * Where art. 67 would move a day off set on a Saturday or Sunday: the first weekday after it
 * that is not off already (a day set off, or the template's when martial law is off).
 */
export function weekendTransfer(day: string, entries: readonly CalendarEntry[], martialLaw: boolean): string {
  const daysOff = new Set(entries.filter((e) => e.kind === 'day_off').map((e) => e.day));
  return nextWorkingDay(addDays(day, 1), { daysOff, workingDays: new Set(), ...(martialLaw ? {} : { ruleDaysOff: templateDaysOff }) });
}
