import { addDays, addMonths, dueDate, nextWorkingDay } from '../calendar';
import type { WorkCalendar } from '../calendar';
import { localDay } from '../local-day';
import type { DeadlineAnchor, DeadlineRuleData } from './deadline-rule';

const MS_PER_HOUR = 3_600_000;

/** The event a term runs from, as it happened: intake (registration), the hand-off to the provider, the register entry. */
export interface AnchorEvent {
  anchor: DeadlineAnchor;
  at: Date;
}

/**
 * The date a rule gives when its anchor event happens (docs/ARCHITECTURE.md §6.4), in the desk's time
 * zone: a `not_after` rule's last day, a `not_before` rule's earliest day. A rule anchored on another
 * event gives null: its date comes when that event is recorded (the hand-off calls this again then).
 *
 * - `same_day`: the anchor day itself;
 * - `hours`: the day the anchor instant + N hours falls on (a 2-hour tier is due the same day);
 * - `working_days`: the Nth working day after the anchor day;
 * - `calendar_days`, `months`: N days / months later (a month clamped to its last day).
 *
 * A latest date that falls on a day off moves to the next working day (ЦК art. 254: a term ending
 * on a day off ends on the next working day). An earliest date does not move: waiting longer than
 * the law asks is the applicant's choice, not the term's.
 */
export function deadlineDate(rule: DeadlineRuleData, event: AnchorEvent, timeZone: string, calendar: WorkCalendar): string | null {
  if (rule.anchor !== event.anchor) return null;
  const day = localDay(event.at, timeZone);
  const settle = (last: string): string => (rule.kind === 'not_after' ? nextWorkingDay(last, calendar) : last);
  switch (rule.unit) {
    case 'same_day':
      return day;
    case 'hours':
      return settle(localDay(new Date(event.at.getTime() + rule.value * MS_PER_HOUR), timeZone));
    case 'working_days':
      return dueDate(day, rule.value, 'working_days', calendar);
    case 'calendar_days':
      return settle(addDays(day, rule.value));
    case 'months':
      return settle(addMonths(day, rule.value));
  }
}
