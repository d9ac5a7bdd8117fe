/** Check-in, the late visitor's fall to the live queue, and what the clock closes: with a clock the test moves. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { HttpError } from '../../../server/http/http-error';
import { startBookingSweeper, sweepBookings } from '../../../server/queue/booking-sweep';
import { createBooking, findBooking } from '../../../server/queue/bookings';
import { callNext } from '../../../server/queue/call-next';
import { checkIn } from '../../../server/queue/check-in';
import { runQueueCommand } from '../../../server/queue/commands';
import { QueueHub } from '../../../server/queue/hub';
import { publishQueueConfig } from '../../../server/queue/publish-config';
import { issueTicket } from '../../../server/queue/tickets';
import type { QueueConfig } from '../../../shared/domain/queue-config';
import type { QueueAction } from '../../../shared/queue-protocol';
import { STORAGES } from '../server/harness';
import { sampleQueueConfig, useSampleStorage } from './sample-storage';

/** Tuesday 1 December 2026 in Kyiv (UTC+2): `kyiv('09:15')` is 07:15Z. */
const kyiv = (clock: string, seconds = 0) => new Date(Date.parse(`2026-12-01T${clock}:00+02:00`) + seconds * 1000);
const BOOKED_AT = kyiv('08:00');

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe.each(STORAGES)('booked visitors on %s', (kind) => {
  const db = useSampleStorage(kind);
  let n = 0;
  async function center(): Promise<QueueConfig> {
    n += 1;
    const config = sampleQueueConfig(`F${n}`);
    await publishQueueConfig(db.storage, config);
    return config;
  }
  const book = async (config: QueueConfig, clock: string) =>
    (
      await createBooking(
        db.storage,
        config,
        { centerCode: config.centerCode, serviceCode: 'ID-01', slotStart: kyiv(clock).toISOString() },
        BOOKED_AT,
      )
    ).code;
  const call = (config: QueueConfig, deskCode: string, now: Date) =>
    db.storage.transaction((tx) => callNext(tx, { centerCode: config.centerCode, config, deskCode, clerkId: `clerk-${deskCode}`, now }));
  const act = (config: QueueConfig, deskCode: string, now: Date, command: QueueAction) =>
    runQueueCommand(
      db.storage,
      new QueueHub(() => now),
      { centerCode: config.centerCode, config, deskCode, clerkId: `clerk-${deskCode}`, now, deviceId: `device-${deskCode}` },
      { commandId: randomUUID(), command },
    );
  const ticketStatus = async (id: string) =>
    (await db.storage.query<{ status: string }>('SELECT status FROM queue_tickets WHERE id = $1', [id]))[0]!.status;

  it('a visitor checked in late waits in the live queue: a punctual booked visitor is called before them, then the walk-in who came first', async () => {
    const config = await center();
    const lateCode = await book(config, '09:00');
    const punctualCode = await book(config, '09:15');
    const walkIn = await db.storage.transaction((tx) =>
      issueTicket(tx, { centerCode: config.centerCode, config, serviceCode: 'ID-01', purpose: 'submit', now: kyiv('08:50') }),
    );

    // Two minutes after the slot's start is still on time; a second more is late.
    const late = await checkIn(db.storage, config, lateCode.toLowerCase(), kyiv('09:02', 1));
    expect(late.booking).toMatchObject({ code: lateCode, late: true });
    const punctual = await checkIn(db.storage, config, punctualCode, kyiv('09:10'));
    expect(punctual.booking).toMatchObject({ code: punctualCode, late: false, slotStart: kyiv('09:15').toISOString() });
    expect(punctual.number).toMatch(/^З\d{3}$/);
    expect(late.number).toMatch(/^А\d{3}$/);
    expect((await findBooking(db.storage, lateCode)).status).toBe('checked_in');

    // D1 and D2 both call passports; at 09:15 the punctual visitor's slot has begun.
    expect((await call(config, 'D1', kyiv('09:15'))).row.id).toBe(punctual.id);
    expect((await call(config, 'D2', kyiv('09:15'))).row.id).toBe(walkIn.id);
    expect(await call(config, 'D3', kyiv('09:15')).catch((e: HttpError) => e.code)).toBe('nothing_waiting');
    await act(config, 'D2', kyiv('09:16'), { action: 'arrived', ticketId: walkIn.id });
    await act(config, 'D2', kyiv('09:20'), { action: 'finish', ticketId: walkIn.id });
    expect((await call(config, 'D2', kyiv('09:21'))).row.id).toBe(late.id);
  });

  it('checks in only an open booking of today, from an hour before its slot until its end', async () => {
    const config = await center();
    const code = await book(config, '10:00');
    const early = await refusal(checkIn(db.storage, config, code, kyiv('08:59', 59)));
    expect([early.status, early.code]).toEqual([409, 'check_in_too_early']);
    const ended = await refusal(checkIn(db.storage, config, code, kyiv('10:15')));
    expect([ended.status, ended.code]).toEqual([409, 'booking_not_open']);
    const other = await center();
    expect((await refusal(checkIn(db.storage, other, code, kyiv('09:30')))).code).toBe('booking_not_found');
    const tomorrow = (
      await createBooking(
        db.storage,
        config,
        { centerCode: config.centerCode, serviceCode: 'ID-01', slotStart: '2026-12-02T08:00:00.000Z' },
        BOOKED_AT,
      )
    ).code;
    expect((await refusal(checkIn(db.storage, config, tomorrow, kyiv('09:30')))).message).toContain('not today');

    await checkIn(db.storage, config, code, kyiv('09:00'));
    const twice = await refusal(checkIn(db.storage, config, code, kyiv('09:01')));
    expect([twice.status, twice.code]).toEqual([409, 'booking_not_open']);
    const [row] = await db.storage.query<{ n: unknown }>('SELECT count(*) AS n FROM queue_tickets WHERE booking_code = $1', [code]);
    expect(Number(row!.n)).toBe(1);
  });

  it('a booked visitor who does not answer the call is a no-show after noAnswerMinutes, not before; one who came is kept', async () => {
    const config = await center();
    const silent = await checkIn(db.storage, config, await book(config, '10:00'), kyiv('09:55'));
    const present = await checkIn(db.storage, config, await book(config, '10:15'), kyiv('09:56'));
    expect((await call(config, 'D1', kyiv('10:00'))).row.id).toBe(silent.id);
    expect((await call(config, 'D2', kyiv('10:15'))).row.id).toBe(present.id);
    await act(config, 'D2', kyiv('10:16'), { action: 'arrived', ticketId: present.id });

    expect(await sweepBookings(db.storage, config.centerCode, kyiv('10:02'))).toEqual({ noShows: [], missed: [] });
    expect(await ticketStatus(silent.id)).toBe('called');
    expect(await sweepBookings(db.storage, config.centerCode, kyiv('10:02', 1))).toEqual({ noShows: [silent.id], missed: [] });
    expect(await ticketStatus(silent.id)).toBe('no_show');
    expect((await findBooking(db.storage, silent.booking!.code)).status).toBe('no_show');
    const events = await db.storage.query<{ event: string; desk_code: string; clerk_id: string; details: unknown }>(
      'SELECT event, desk_code, clerk_id, details FROM queue_events WHERE ticket_id = $1 ORDER BY seq',
      [silent.id],
    );
    expect(events.map((e) => e.event)).toEqual(['issued', 'called', 'no_show']);
    expect(events[2]).toMatchObject({ desk_code: 'D1', clerk_id: 'clerk-D1', details: { reason: 'no_answer' } });

    expect(await sweepBookings(db.storage, config.centerCode, kyiv('10:30'))).toEqual({ noShows: [], missed: [] });
    expect(await ticketStatus(present.id)).toBe('serving');
  });

  it('a late visitor’s unanswered call is the clerk’s to close, as any live ticket’s', async () => {
    const config = await center();
    const late = await checkIn(db.storage, config, await book(config, '11:00'), kyiv('11:05'));
    expect((await call(config, 'D1', kyiv('11:06'))).row.id).toBe(late.id);
    expect((await sweepBookings(db.storage, config.centerCode, kyiv('11:30'))).noShows).toEqual([]);
    expect(await ticketStatus(late.id)).toBe('called');
  });

  it('a booking never checked in is missed once its slot has ended', async () => {
    const config = await center();
    const code = await book(config, '12:00');
    expect((await sweepBookings(db.storage, config.centerCode, kyiv('12:14', 59))).missed).toEqual([]);
    expect((await sweepBookings(db.storage, config.centerCode, kyiv('12:15'))).missed).toEqual([code]);
    expect((await findBooking(db.storage, code)).status).toBe('missed');
  });

  it('the server’s sweeper runs on its timer with the server’s clock, tells of the centers it changed, and stops', async () => {
    const config = await center();
    const silent = await checkIn(db.storage, config, await book(config, '13:00'), kyiv('12:58'));
    await call(config, 'D1', kyiv('13:00'));
    const changed: string[] = [];
    const failed: unknown[] = [];
    const sweeper = startBookingSweeper({
      storage: db.storage,
      now: () => kyiv('13:05'),
      intervalMs: 20,
      changed: (c) => changed.push(c),
      failed: (e) => failed.push(e),
    });
    try {
      await vi.waitFor(() => expect(changed).toContain(config.centerCode), { timeout: 10_000, interval: 20 });
    } finally {
      sweeper.stop();
    }
    expect(failed).toEqual([]);
    expect(await ticketStatus(silent.id)).toBe('no_show');
  });
});
