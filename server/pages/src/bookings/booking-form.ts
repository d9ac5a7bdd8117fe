/** The bookings page's pure parts: the request a filled form sends, the services to offer, times as the admin reads them. */
import { BookingRequest } from '../../../../shared/queue-protocol';
import type { Booking, KioskConfig } from '../../../../shared/queue-protocol';
import type { Lang } from '../common/i18n';

export interface BookingForm {
  centerCode: string;
  serviceCode: string;
  slotStart: string;
  name: string;
  phone: string;
}

/** The request for a filled form, blanks left out; or the form's fields that are wrong. */
export function bookingRequest(form: BookingForm): { ok: true; request: BookingRequest } | { ok: false; fields: string[] } {
  const parsed = BookingRequest.safeParse({
    centerCode: form.centerCode,
    serviceCode: form.serviceCode,
    slotStart: form.slotStart,
    ...(form.name.trim() === '' ? {} : { name: form.name }),
    ...(form.phone.trim() === '' ? {} : { phone: form.phone }),
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, fields: [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))] };
}

/** Every service the kiosk offers, once, in the kiosk's order (a service can sit in two areas). */
export function offeredServices(config: KioskConfig): Array<{ code: string; nameUk: string; nameEn: string }> {
  const seen = new Map<string, { code: string; nameUk: string; nameEn: string }>();
  for (const area of config.areas) for (const service of area.services) if (!seen.has(service.code)) seen.set(service.code, service);
  return [...seen.values()];
}

/** `09:15` for a slot start, in `timeZone` (tests) or the browser's (the admin sits at the center). */
export function clockTime(iso: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'uk-UA', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}

/** The day's bookings by slot, then code: the order the desk will see them arrive. */
export function byTime(bookings: readonly Booking[]): Booking[] {
  return [...bookings].sort((a, b) => Date.parse(a.slotStart) - Date.parse(b.slotStart) || a.code.localeCompare(b.code));
}

/** `YYYY-MM-DD` of `date` in the browser's calendar (the date input's value). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
