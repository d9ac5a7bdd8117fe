/**
 * Bookings (docs/ARCHITECTURE.md §6.8): slots from the center's reception schedule with their free
 * places, booking one, listing a day's and cancelling one. Check-in is check-in.ts; what the clock
 * closes, booking-sweep.ts.
 */
import { randomInt } from 'node:crypto';
import { localDay } from '../../shared/local-day';
import type { QueueConfig } from '../../shared/domain/queue-config';
import { QUEUE_ERRORS } from '../../shared/queue-protocol';
import type { Booking, BookingRequest, BookingSlot } from '../../shared/queue-protocol';
import { HttpError } from '../http/http-error';
import type { Sql, Storage } from '../storage/storage';
import { toInt } from '../storage/storage';
import { bookableServices, slotStarts } from './booking-schedule';

export const MS_PER_MINUTE = 60_000;
/** No 0/O, 1/I: a code read aloud or typed at the kiosk cannot be mistaken. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 6;

interface BookingRow {
  code: string;
  center_code: string;
  service_code: string;
  slot_start: Date | string;
  slot_minutes: unknown;
  status: Booking['status'];
  name: string | null;
  ticket_id: string | null;
}
const BOOKING_COLUMNS = 'code, center_code, service_code, slot_start, slot_minutes, status, name, ticket_id';

export function toBooking(row: BookingRow): Booking {
  return {
    code: row.code,
    centerCode: row.center_code,
    serviceCode: row.service_code,
    slotStart: new Date(row.slot_start).toISOString(),
    slotMinutes: toInt(row.slot_minutes),
    status: row.status,
    name: row.name,
  };
}

export function newBookingCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** The booking rules of a center that takes bookings for `serviceCode`; 404/400 otherwise. */
function rulesFor(config: QueueConfig, serviceCode: string) {
  if (!config.booking) throw new HttpError(404, QUEUE_ERRORS.notConfigured, `Center ${config.centerCode} takes no bookings`);
  if (!bookableServices(config).includes(serviceCode))
    throw new HttpError(400, QUEUE_ERRORS.unknownService, `Service ${serviceCode} cannot be booked at center ${config.centerCode}`);
  return config.booking;
}

async function takenPlaces(sql: Sql, centerCode: string, serviceCode: string, from: Date, to: Date): Promise<Map<number, number>> {
  const rows = await sql.query<{ slot_start: Date | string; n: unknown }>(
    `SELECT slot_start, count(*) AS n FROM queue_bookings
      WHERE center_code = $1 AND service_code = $2 AND slot_start >= $3 AND slot_start < $4 AND status <> 'cancelled'
      GROUP BY slot_start`,
    [centerCode, serviceCode, from.toISOString(), to.toISOString()],
  );
  return new Map(rows.map((row) => [new Date(row.slot_start).getTime(), toInt(row.n)]));
}

/** The day's slots of a service that have not started yet, with their free places (0: full). `day` is the center's YYYY-MM-DD. */
export async function bookingSlots(sql: Sql, config: QueueConfig, serviceCode: string, day: string, now: Date): Promise<BookingSlot[]> {
  const rules = rulesFor(config, serviceCode);
  const starts = slotStarts(rules, day, config.timeZone).filter((start) => start > now);
  const last = starts.at(-1);
  if (!last) return [];
  const taken = await takenPlaces(sql, config.centerCode, serviceCode, starts[0]!, new Date(last.getTime() + 1));
  return starts.map((start) => ({ start: start.toISOString(), free: Math.max(0, rules.perSlot - (taken.get(start.getTime()) ?? 0)) }));
}

/**
 * Books a place: the slot must be one of the schedule's, not started yet, with a free place (409
 * slot_full). The configuration's row is locked so two bookings of the last place take turns.
 */
export async function createBooking(storage: Storage, config: QueueConfig, request: BookingRequest, now: Date): Promise<Booking> {
  const rules = rulesFor(config, request.serviceCode);
  const slotStart = new Date(request.slotStart);
  const day = localDay(slotStart, config.timeZone);
  if (!slotStarts(rules, day, config.timeZone).some((start) => start.getTime() === slotStart.getTime()))
    throw new HttpError(400, 'slot_not_in_schedule', `${request.slotStart} is not the start of a booking slot on ${day}`);
  if (slotStart <= now) throw new HttpError(400, 'slot_in_past', `The slot at ${request.slotStart} has already started`);
  return storage.transaction(async (tx) => {
    await tx.query('SELECT version FROM queue_configs WHERE center_code = $1 FOR UPDATE', [config.centerCode]);
    const taken = await takenPlaces(tx, config.centerCode, request.serviceCode, slotStart, new Date(slotStart.getTime() + 1));
    if ((taken.get(slotStart.getTime()) ?? 0) >= rules.perSlot)
      throw new HttpError(409, QUEUE_ERRORS.slotFull, `The slot at ${request.slotStart} for ${request.serviceCode} is fully booked`);
    for (;;) {
      const rows = await tx.query<BookingRow>(
        `INSERT INTO queue_bookings (code, center_code, service_code, slot_start, slot_minutes, status, name, phone, created_at)
         VALUES ($1, $2, $3, $4, $5, 'booked', $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING ${BOOKING_COLUMNS}`,
        [
          newBookingCode(),
          config.centerCode,
          request.serviceCode,
          slotStart.toISOString(),
          rules.slotMinutes,
          request.name ?? null,
          request.phone ?? null,
          now.toISOString(),
        ],
      );
      // A code already given out (one in 10^9 per booking): draw another.
      if (rows[0]) return toBooking(rows[0]);
    }
  });
}

/** The center's bookings whose slot falls on its local day `day`, in slot order. */
export async function listBookings(sql: Sql, config: QueueConfig, day: string): Promise<Booking[]> {
  const from = new Date(`${day}T00:00:00Z`);
  // Zones run from UTC−12 to UTC+14, so the local day lies inside this window; the filter below trims the margin.
  const rows = await sql.query<BookingRow>(
    `SELECT ${BOOKING_COLUMNS} FROM queue_bookings WHERE center_code = $1 AND slot_start >= $2 AND slot_start < $3 ORDER BY slot_start, code`,
    [
      config.centerCode,
      new Date(from.getTime() - 14 * 60 * MS_PER_MINUTE).toISOString(),
      new Date(from.getTime() + 38 * 60 * MS_PER_MINUTE).toISOString(),
    ],
  );
  return rows.filter((row) => localDay(new Date(row.slot_start), config.timeZone) === day).map(toBooking);
}

export async function findBooking(sql: Sql, code: string): Promise<Booking & { ticketId: string | null }> {
  const [row] = await sql.query<BookingRow>(`SELECT ${BOOKING_COLUMNS} FROM queue_bookings WHERE code = $1`, [code.trim().toUpperCase()]);
  if (!row) throw new HttpError(404, QUEUE_ERRORS.bookingNotFound, `No booking ${code}`);
  return { ...toBooking(row), ticketId: row.ticket_id };
}

/** Cancels a booking not yet used; its place is free again. 409 for one checked in or closed. */
export async function cancelBooking(sql: Sql, code: string): Promise<Booking> {
  const [row] = await sql.query<BookingRow>(
    `UPDATE queue_bookings SET status = 'cancelled' WHERE code = $1 AND status = 'booked' RETURNING ${BOOKING_COLUMNS}`,
    [code.trim().toUpperCase()],
  );
  if (row) return toBooking(row);
  const booking = await findBooking(sql, code);
  throw new HttpError(409, QUEUE_ERRORS.bookingNotOpen, `Booking ${booking.code} is ${booking.status}; only a booked one can be cancelled`);
}
