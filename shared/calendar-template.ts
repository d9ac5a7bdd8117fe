/**
 * The statutory year template (docs/ARCHITECTURE.md §6.4): the holidays of КЗпП art. 73 and the
 * art. 67 transfer of a holiday that falls on a Saturday or Sunday. The list is data, so a change
 * of the law is an edit of `STATUTORY_HOLIDAYS`, not of the arithmetic. Under martial law
 * (Law №2136-IX art. 6 ч. 6) art. 73 is not applied, which is why a center switches the template
 * off and on rather than typing the days in.
 */
import { formatDay, parseDay } from './calendar';

/** A fixed date every year, or a number of days after Orthodox Easter (0 is Easter itself). */
export type HolidayDate = { month: number; day: number } | { easterOffset: number };

export interface StatutoryHoliday {
  /** Stable across years and languages: the dialog and the tests name a holiday by it. */
  id: string;
  nameUk: string;
  nameEn: string;
  date: HolidayDate;
}

/** КЗпП art. 73 as in force since 2023 (practice review §2.3 item 15). */
export const STATUTORY_HOLIDAYS: readonly StatutoryHoliday[] = [
  { id: 'new_year', nameUk: 'Новий рік', nameEn: 'New Year', date: { month: 1, day: 1 } },
  { id: 'womens_day', nameUk: 'Міжнародний жіночий день', nameEn: 'International Women’s Day', date: { month: 3, day: 8 } },
  { id: 'easter', nameUk: 'Великдень', nameEn: 'Easter', date: { easterOffset: 0 } },
  { id: 'labour_day', nameUk: 'День праці', nameEn: 'Labour Day', date: { month: 5, day: 1 } },
  {
    id: 'victory_day',
    nameUk: 'День пам’яті та перемоги над нацизмом у Другій світовій війні 1939–1945 років',
    nameEn: 'Day of Remembrance and Victory over Nazism in World War II',
    date: { month: 5, day: 8 },
  },
  { id: 'trinity', nameUk: 'Трійця', nameEn: 'Trinity', date: { easterOffset: 49 } },
  { id: 'constitution_day', nameUk: 'День Конституції України', nameEn: 'Constitution Day', date: { month: 6, day: 28 } },
  { id: 'statehood_day', nameUk: 'День Української Державності', nameEn: 'Statehood Day', date: { month: 7, day: 15 } },
  { id: 'independence_day', nameUk: 'День незалежності України', nameEn: 'Independence Day', date: { month: 8, day: 24 } },
  { id: 'defenders_day', nameUk: 'День захисників і захисниць України', nameEn: 'Defenders Day', date: { month: 10, day: 1 } },
  { id: 'christmas', nameUk: 'Різдво Христове', nameEn: 'Christmas', date: { month: 12, day: 25 } },
];

/** Years the computus and the Julian–Gregorian offset below are written for. */
export const TEMPLATE_YEARS = { first: 1900, last: 2399 } as const;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < TEMPLATE_YEARS.first || year > TEMPLATE_YEARS.last) {
    throw new RangeError(`The holiday template covers ${TEMPLATE_YEARS.first}–${TEMPLATE_YEARS.last}, not ${year}`);
  }
}

/**
 * Orthodox Easter of `year` as a Gregorian `YYYY-MM-DD`: Meeus' Julian computus, then the
 * calendars' difference (13 days in 1900–2099, one more each century not divisible by 400;
 * Easter always falls after the Julian 29 February where the difference grows).
 */
export function orthodoxEaster(year: number): string {
  checkYear(year);
  const d = (19 * (year % 19) + 15) % 30;
  const e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7;
  const julianMonth = Math.floor((d + e + 114) / 31);
  const julianDay = ((d + e + 114) % 31) + 1;
  const offset = Math.floor(year / 100) - Math.floor(year / 400) - 2;
  const date = new Date(Date.UTC(year, julianMonth - 1, julianDay + offset));
  return formatDay(date);
}

/** One day the template makes a day off. */
export interface TemplateDay {
  day: string;
  holidayId: string;
  /** 'holiday': the holiday itself (off when it is a weekday); 'transfer': the art. 67 day off for one on a weekend. */
  kind: 'holiday' | 'transfer';
}

function holidayDay(year: number, date: HolidayDate): string {
  if ('easterOffset' in date) {
    const easter = parseDay(orthodoxEaster(year));
    easter.setUTCDate(easter.getUTCDate() + date.easterOffset);
    return formatDay(easter);
  }
  return formatDay(new Date(Date.UTC(year, date.month - 1, date.day)));
}

function isWeekend(day: string): boolean {
  const weekday = parseDay(day).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function nextDay(day: string): string {
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + 1);
  return formatDay(date);
}

const yearCache = new Map<number, readonly TemplateDay[]>();

/**
 * The template of one year in date order: every holiday, and for each one on a Saturday or
 * Sunday its art. 67 transfer to the first day after it that is neither a weekend, a holiday nor
 * another holiday's transfer (1 May 2027 is a Saturday and Easter 2 May: 3 and 4 May are off).
 * A transfer may reach into the next year (a Saturday 31 December would): it is listed here.
 */
export function yearTemplate(year: number): readonly TemplateDay[] {
  checkYear(year);
  const cached = yearCache.get(year);
  if (cached) return cached;
  const own = STATUTORY_HOLIDAYS.map((h) => ({ day: holidayDay(year, h.date), holidayId: h.id, kind: 'holiday' as const }));
  own.sort((a, b) => a.day.localeCompare(b.day));
  const taken = new Set(own.map((h) => h.day));
  const transfers: TemplateDay[] = [];
  for (const holiday of own) {
    if (!isWeekend(holiday.day)) continue;
    let day = nextDay(holiday.day);
    while (isWeekend(day) || taken.has(day)) day = nextDay(day);
    taken.add(day);
    transfers.push({ day, holidayId: holiday.holidayId, kind: 'transfer' });
  }
  const all = [...own, ...transfers].sort((a, b) => a.day.localeCompare(b.day));
  yearCache.set(year, all);
  return all;
}

/**
 * The weekdays the template takes off whose date is in `year`: the holidays on weekdays and the
 * transfers (the previous year's transfer into early January included). This is what the
 * working-day arithmetic asks for when the template applies.
 */
export function templateDaysOff(year: number): ReadonlySet<string> {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const days = year > TEMPLATE_YEARS.first ? [...yearTemplate(year - 1), ...yearTemplate(year)] : [...yearTemplate(year)];
  return new Set(days.filter((d) => d.day.startsWith(prefix) && !isWeekend(d.day)).map((d) => d.day));
}
