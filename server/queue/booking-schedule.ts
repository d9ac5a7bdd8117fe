/**
 * Booking slots from a center's reception schedule (docs/ARCHITECTURE.md §6.8): the schedule's
 * hours are the center's wall clock, so a slot's instant depends on its time zone and daylight
 * saving. Pure; bookings.ts counts what is taken.
 */
import { WEEKDAYS } from '../../shared/domain/queue-config';
import type { BookingRules, QueueConfig, Weekday } from '../../shared/domain/queue-config';

const MS_PER_MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockParts(at: Date, timeZone: string): number[] {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((type) => Number(parts.find((p) => p.type === type)?.value));
}

/** How far the zone's wall clock is ahead of UTC at `at`, in ms. */
function zoneOffset(at: Date, timeZone: string): number {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = wallClockParts(at, timeZone);
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the center's clock shows `clock` (HH:MM) on `day` (YYYY-MM-DD). */
export function zonedInstant(day: string, clock: string, timeZone: string): Date {
  const [y, mo, d] = day.split('-').map(Number);
  const [h, mi] = clock.split(':').map(Number);
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  // The offset at the guess may differ from the one at the answer across a daylight-saving change: look twice.
  const first = wall - zoneOffset(new Date(wall), timeZone);
  return new Date(wall - zoneOffset(new Date(first), timeZone));
}

/** The weekday of a calendar day (YYYY-MM-DD), whatever the zone. */
export function weekdayOf(day: string): Weekday {
  const [y, mo, d] = day.split('-').map(Number);
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(Date.UTC(y!, mo! - 1, d!)).getUTCDay() + 6) % 7]!;
}

/** The starts of the day's slots, in order: each fits whole inside one of the day's reception hours. */
export function slotStarts(rules: BookingRules, day: string, timeZone: string): Date[] {
  const starts: Date[] = [];
  for (const hours of rules.schedule[weekdayOf(day)] ?? []) {
    const end = zonedInstant(day, hours.to, timeZone).getTime();
    for (
      let t = zonedInstant(day, hours.from, timeZone).getTime();
      t + rules.slotMinutes * MS_PER_MINUTE <= end;
      t += rules.slotMinutes * MS_PER_MINUTE
    )
      starts.push(new Date(t));
  }
  return starts.sort((a, b) => a.getTime() - b.getTime());
}

/** The services a visitor may book: those the rules list, or every service some queue serves. */
export function bookableServices(config: QueueConfig): string[] {
  if (!config.booking) return [];
  return config.booking.serviceCodes.length > 0 ? config.booking.serviceCodes : config.queues.flatMap((q) => q.serviceCodes);
}
