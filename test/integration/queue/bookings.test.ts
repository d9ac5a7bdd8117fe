import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../server/http/http-error';
import { bookingSlots, cancelBooking, createBooking, listBookings } from '../../../server/queue/bookings';
import { publishQueueConfig } from '../../../server/queue/publish-config';
import type { QueueConfig } from '../../../shared/domain/queue-config';
import { STORAGES } from '../server/harness';
import { sampleQueueConfig, useSampleStorage } from './sample-storage';

/** Tuesday 1 December 2026, 08:00 in Kyiv: the sample books Tuesdays 09:00–20:00 in 15-minute slots. */
const NOW = new Date('2026-12-01T06:00:00Z');
const TUESDAY = '2026-12-01';

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe.each(STORAGES)('bookings on %s', (kind) => {
  const db = useSampleStorage(kind);
  const center = async (code: string): Promise<QueueConfig> => {
    const config = sampleQueueConfig(code);
    await publishQueueConfig(db.storage, config);
    return config;
  };
  const book = (config: QueueConfig, slotStart: string, serviceCode = 'ID-01', now = NOW) =>
    createBooking(db.storage, config, { centerCode: config.centerCode, serviceCode, slotStart, name: 'Олена' }, now);

  it('lists the day’s slots not yet started with their free places; a booking takes one, a cancellation gives it back', async () => {
    const config = await center('B1');
    const slots = await bookingSlots(db.storage, config, 'ID-01', TUESDAY, NOW);
    expect(slots).toHaveLength(44);
    expect(slots[0]).toEqual({ start: '2026-12-01T07:00:00.000Z', free: 1 });
    const booking = await book(config, '2026-12-01T07:15:00.000Z');
    expect(booking).toMatchObject({
      centerCode: 'B1',
      serviceCode: 'ID-01',
      slotStart: '2026-12-01T07:15:00.000Z',
      slotMinutes: 15,
      status: 'booked',
      name: 'Олена',
    });
    expect(booking.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    const after = await bookingSlots(db.storage, config, 'ID-01', TUESDAY, NOW);
    expect(after[1]).toEqual({ start: '2026-12-01T07:15:00.000Z', free: 0 });
    expect(after.filter((s) => s.free === 0)).toHaveLength(1);
    // Another service's slot at the same time is its own.
    expect((await bookingSlots(db.storage, config, 'RM-01', TUESDAY, NOW))[1]).toEqual({ start: '2026-12-01T07:15:00.000Z', free: 1 });
    expect(await cancelBooking(db.storage, booking.code.toLowerCase())).toMatchObject({ code: booking.code, status: 'cancelled' });
    expect((await bookingSlots(db.storage, config, 'ID-01', TUESDAY, NOW))[1]!.free).toBe(1);

    const midday = new Date('2026-12-01T10:10:00Z');
    expect((await bookingSlots(db.storage, config, 'ID-01', TUESDAY, midday))[0]!.start).toBe('2026-12-01T10:15:00.000Z');
    expect(await bookingSlots(db.storage, config, 'ID-01', '2026-12-06', NOW)).toEqual([]);
  });

  it('refuses a slot off the schedule, one already started, a service not booked, and a full slot, each clearly', async () => {
    const config = await center('B2');
    const offGrid = await refusal(book(config, '2026-12-01T07:05:00.000Z'));
    expect([offGrid.status, offGrid.code]).toEqual([400, 'slot_not_in_schedule']);
    expect((await refusal(book(config, '2026-12-06T08:00:00.000Z'))).code).toBe('slot_not_in_schedule');
    // 20:00 is the Tuesday's closing time: no slot starts there.
    expect((await refusal(book(config, '2026-12-01T18:00:00.000Z'))).code).toBe('slot_not_in_schedule');
    const past = await refusal(book(config, '2026-12-01T07:00:00.000Z', 'ID-01', new Date('2026-12-01T07:00:00Z')));
    expect([past.status, past.code]).toEqual([400, 'slot_in_past']);
    const notBooked = await refusal(book(config, '2026-12-01T07:00:00.000Z', 'RM-03'));
    expect([notBooked.status, notBooked.code]).toEqual([400, 'unknown_service']);
    await book(config, '2026-12-01T17:45:00.000Z');
    const full = await refusal(book(config, '2026-12-01T17:45:00.000Z'));
    expect([full.status, full.code]).toEqual([409, 'slot_full']);
    const noBooking = await refusal(
      createBooking(
        db.storage,
        { ...config, booking: null },
        { centerCode: 'B2', serviceCode: 'ID-01', slotStart: '2026-12-01T07:00:00.000Z' },
        NOW,
      ),
    );
    expect([noBooking.status, noBooking.code]).toEqual([404, 'queue_not_configured']);
  });

  it('six visitors booking the last place at once: one gets it, five hear the slot is full', async () => {
    const config = await center('B3');
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => book(config, '2026-12-01T08:00:00.000Z')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as HttpError] : []));
    expect(refused.map((e) => e.code)).toEqual(Array(5).fill('slot_full'));
    const [row] = await db.storage.query<{ n: unknown }>(`SELECT count(*) AS n FROM queue_bookings WHERE center_code = 'B3'`);
    expect(Number(row!.n)).toBe(1);
  });

  it('lists a center’s bookings of one local day in slot order, the evening’s last slot included and the next day’s not', async () => {
    const config = await center('B4');
    const late = await book(config, '2026-12-01T17:45:00.000Z');
    const early = await book(config, '2026-12-01T07:00:00.000Z', 'RM-01');
    await book(config, '2026-12-02T07:00:00.000Z');
    await book(await center('B5'), '2026-12-01T07:30:00.000Z');
    expect((await listBookings(db.storage, config, TUESDAY)).map((b) => b.code)).toEqual([early.code, late.code]);
  });

  it('cancels only a booking still open', async () => {
    const config = await center('B6');
    const booking = await book(config, '2026-12-01T09:00:00.000Z');
    await cancelBooking(db.storage, booking.code);
    const again = await refusal(cancelBooking(db.storage, booking.code));
    expect([again.status, again.code]).toEqual([409, 'booking_not_open']);
    expect(again.message).toContain('cancelled');
    const unknown = await refusal(cancelBooking(db.storage, 'ZZZZZZ'));
    expect([unknown.status, unknown.code]).toEqual([404, 'booking_not_found']);
  });
});
