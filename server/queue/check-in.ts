/**
 * A booked visitor checks in at the kiosk with their code (docs/ARCHITECTURE.md §6.8): on time, the
 * ticket is called first within its slot; later than `lateMinutes` after the slot's start, it waits in
 * the live queue and says so. A booking is for its own day, opens an hour before the slot, and is
 * missed once its slot has ended (booking-sweep.ts closes it then; check-in refuses it already).
 */
import { localDay } from '../../shared/local-day';
import type { QueueConfig } from '../../shared/domain/queue-config';
import { QUEUE_ERRORS } from '../../shared/queue-protocol';
import type { QueueTicket } from '../../shared/queue-protocol';
import { HttpError } from '../http/http-error';
import type { Storage } from '../storage/storage';
import { MS_PER_MINUTE } from './bookings';
import { issueTicket } from './tickets';

/** How long before the slot a visitor may check in: earlier, the kiosk says to come back. */
export const CHECK_IN_OPENS_MINUTES = 60;

interface BookedRow {
  code: string;
  service_code: string;
  slot_start: Date | string;
  slot_minutes: number;
  status: string;
}

export async function checkIn(storage: Storage, config: QueueConfig, code: string, now: Date): Promise<QueueTicket> {
  return storage.transaction(async (tx) => {
    const [booking] = await tx.query<BookedRow>(
      'SELECT code, service_code, slot_start, slot_minutes, status FROM queue_bookings WHERE code = $1 AND center_code = $2 FOR UPDATE',
      [code.trim().toUpperCase(), config.centerCode],
    );
    if (!booking) throw new HttpError(404, QUEUE_ERRORS.bookingNotFound, `No booking ${code} at this center`);
    const slotStart = new Date(booking.slot_start);
    const slotEnd = new Date(slotStart.getTime() + Number(booking.slot_minutes) * MS_PER_MINUTE);
    const open = (message: string) => new HttpError(409, QUEUE_ERRORS.bookingNotOpen, message);
    if (booking.status !== 'booked') throw open(`Booking ${booking.code} is ${booking.status.replace('_', ' ')}`);
    if (localDay(slotStart, config.timeZone) !== localDay(now, config.timeZone))
      throw open(`Booking ${booking.code} is for ${localDay(slotStart, config.timeZone)}, not today`);
    if (now >= slotEnd) throw open(`The slot of booking ${booking.code} has ended; take a ticket for the live queue`);
    if (now.getTime() < slotStart.getTime() - CHECK_IN_OPENS_MINUTES * MS_PER_MINUTE)
      throw new HttpError(
        409,
        QUEUE_ERRORS.checkInTooEarly,
        `Check-in for booking ${booking.code} opens ${CHECK_IN_OPENS_MINUTES} minutes before its slot`,
      );
    const lateMinutes = config.booking?.lateMinutes ?? 0;
    const late = now.getTime() > slotStart.getTime() + lateMinutes * MS_PER_MINUTE;
    // A booking names a service, not a purpose: booked visitors come to hand in documents.
    const ticket = await issueTicket(tx, {
      centerCode: config.centerCode,
      config,
      serviceCode: booking.service_code,
      purpose: 'submit',
      booking: { code: booking.code, slotStart, late },
      now,
    });
    await tx.query(`UPDATE queue_bookings SET status = 'checked_in', ticket_id = $2 WHERE code = $1`, [booking.code, ticket.id]);
    return ticket;
  });
}
