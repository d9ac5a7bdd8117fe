/**
 * Bookings over HTTP (docs/ARCHITECTURE.md §6.8): the public slots and the kiosk's check-in
 * (rate-limited), the admin's create, list and cancel; and the sweep that closes unanswered booked
 * calls and missed bookings, on a timer that stops with the server.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PlaceCode } from '../../shared/place-code';
import { BookingRequest, CheckInRequest } from '../../shared/queue-protocol';
import type { Booking, BookingSlot, KioskTicket } from '../../shared/queue-protocol';
import { requireAdmin } from '../admin/admin-routes';
import { startBookingSweeper } from './booking-sweep';
import { bookingSlots, cancelBooking, createBooking, listBookings } from './bookings';
import { checkIn } from './check-in';
import { kioskTicket } from './kiosk-routes';
import { requireQueueConfig } from './require-config';
import type { QueueRouteDeps } from './route-deps';
import { checkedQuery, PUBLIC_RATE } from './query-params';
import { centerParam, checkedBody } from './route-deps';

/** Often enough that a no-show closes within seconds of its `noAnswerMinutes`; a sweep is two UPDATEs per center. */
export const SWEEP_INTERVAL_MS = 15_000;

/** A calendar day that exists (2026-02-30 does not). */
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine(
    (day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day),
    'no such day',
  );

export function bookingRoutes(deps: QueueRouteDeps): FastifyPluginAsync {
  const { storage, adminToken, queueHub } = deps;
  return async (app) => {
    const admin = async (request: FastifyRequest) => requireAdmin(request.raw, adminToken);

    app.get('/api/booking/:center/slots', { config: { rateLimit: PUBLIC_RATE } }, async (request): Promise<BookingSlot[]> => {
      const query = checkedQuery(z.object({ service: z.string().min(1).max(40), date: Day }), request.query);
      const config = await requireQueueConfig(storage, centerParam(request.params));
      return bookingSlots(storage, config, query.service, query.date, deps.now());
    });
    app.post('/api/kiosk/:center/check-in', { config: { rateLimit: PUBLIC_RATE } }, async (request): Promise<KioskTicket> => {
      const { code } = checkedBody(CheckInRequest, request.body);
      const config = await requireQueueConfig(storage, centerParam(request.params));
      const ticket = await checkIn(storage, config, code, deps.now());
      queueHub.changed(config.centerCode);
      return kioskTicket(storage, config, ticket);
    });

    app.post('/admin/bookings', { onRequest: admin }, async (request): Promise<Booking> => {
      const body = checkedBody(BookingRequest, request.body);
      return createBooking(storage, await requireQueueConfig(storage, body.centerCode), body, deps.now());
    });
    app.get('/admin/bookings', { onRequest: admin }, async (request): Promise<Booking[]> => {
      const query = checkedQuery(z.object({ center: PlaceCode, date: Day }), request.query);
      return listBookings(storage, await requireQueueConfig(storage, query.center), query.date);
    });
    app.delete('/admin/bookings/:code', { onRequest: admin }, async (request): Promise<Booking> =>
      cancelBooking(storage, (request.params as { code: string }).code),
    );

    const sweeper = startBookingSweeper({
      storage,
      now: deps.now,
      intervalMs: SWEEP_INTERVAL_MS,
      changed: (centerCode) => queueHub.changed(centerCode),
      failed: (error) => console.error('Sweeping bookings failed:', error),
    });
    app.addHook('onClose', async () => sweeper.stop());
  };
}
