/**
 * What the clock closes in a center's bookings (docs/ARCHITECTURE.md §6.8): a booked visitor called
 * and not answering within `noAnswerMinutes` is a no-show; a booking never checked in by the end of
 * its slot is missed. The server runs the sweep on a timer.
 */
import type { Storage } from '../storage/storage';
import { MS_PER_MINUTE } from './bookings';
import { loadQueueConfig } from './config';
import { recordEvent } from './tickets';

export interface SweepResult {
  /** Tickets closed as no-shows: booked visitors who did not answer their call. */
  noShows: string[];
  /** Bookings never checked in by the end of their slot. */
  missed: string[];
}

/**
 * Closes what the clock decided for a center's bookings, in one transaction. A ticket checked in
 * late waits in the live queue and is left to the clerk (recalls, then no-show), as any live ticket.
 */
export async function sweepBookings(storage: Storage, centerCode: string, now: Date): Promise<SweepResult> {
  return storage.transaction(async (tx) => {
    const config = await loadQueueConfig(tx, centerCode);
    if (!config?.booking) return { noShows: [], missed: [] };
    const cutoff = new Date(now.getTime() - config.booking.noAnswerMinutes * MS_PER_MINUTE);
    const closed = await tx.query<{
      id: string;
      queue_code: string;
      service_code: string | null;
      desk_code: string | null;
      clerk_id: string | null;
      booking_code: string;
    }>(
      `UPDATE queue_tickets SET status = 'no_show', version = version + 1, updated_at = $3
        WHERE center_code = $1 AND status = 'called' AND booking_code IS NOT NULL AND NOT booking_late AND called_at < $2
        RETURNING id, queue_code, service_code, desk_code, clerk_id, booking_code`,
      [centerCode, cutoff.toISOString(), now.toISOString()],
    );
    for (const ticket of closed) {
      await recordEvent(tx, {
        centerCode,
        ticketId: ticket.id,
        event: 'no_show',
        at: now,
        deskCode: ticket.desk_code,
        clerkId: ticket.clerk_id,
        queueCode: ticket.queue_code,
        serviceCode: ticket.service_code,
        details: { reason: 'no_answer', bookingCode: ticket.booking_code },
      });
      await tx.query(`UPDATE queue_bookings SET status = 'no_show' WHERE code = $1`, [ticket.booking_code]);
    }
    const missed = await tx.query<{ code: string }>(
      `UPDATE queue_bookings SET status = 'missed'
        WHERE center_code = $1 AND status = 'booked' AND slot_start + slot_minutes * interval '1 minute' <= $2 RETURNING code`,
      [centerCode, now.toISOString()],
    );
    return { noShows: closed.map((t) => t.id), missed: missed.map((b) => b.code).sort() };
  });
}

export interface BookingSweeper {
  stop(): void;
}

/**
 * Sweeps every center that takes bookings each `intervalMs`, one sweep at a time; `changed` hears of
 * each center whose queue the sweep changed (desks and the board then refresh).
 */
export function startBookingSweeper(options: {
  storage: Storage;
  now: () => Date;
  intervalMs: number;
  changed: (centerCode: string) => void;
  failed: (error: unknown) => void;
}): BookingSweeper {
  let running = false;
  const sweepAll = async () => {
    const centers = await options.storage.query<{ center_code: string }>(
      `SELECT center_code FROM queue_configs WHERE jsonb_typeof(config->'booking') = 'object' ORDER BY center_code`,
    );
    for (const { center_code: centerCode } of centers) {
      const result = await sweepBookings(options.storage, centerCode, options.now());
      if (result.noShows.length > 0) options.changed(centerCode);
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepAll()
      .catch(options.failed)
      .finally(() => {
        running = false;
      });
  }, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
