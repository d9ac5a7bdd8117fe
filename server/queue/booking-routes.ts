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
import type { ServerDeps } from '../http/server-deps';
import type { ZodTypeProvider } from '../http/zod-schemas';
import { startBookingSweeper } from './booking-sweep';
import { bookingSlots, cancelBooking, createBooking, listBookings } from './bookings';
import { checkIn } from './check-in';
import { kioskTicket } from './kiosk-routes';
import { requireQueueConfig } from './require-config';
import { PUBLIC_RATE } from './public-rate';
import { CenterParams } from './center-params';

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

export function bookingRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { storage, adminToken, queueHub } = deps;
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const admin = async (request: FastifyRequest) => requireAdmin(request, adminToken);

    app.get(
      '/api/booking/:center/slots',
      {
        config: { rateLimit: PUBLIC_RATE },
        schema: { params: CenterParams, querystring: z.object({ service: z.string().min(1).max(40), date: Day }) },
      },
      async (request): Promise<BookingSlot[]> => {
        const config = await requireQueueConfig(storage, request.params.center);
        return bookingSlots(storage, config, request.query.service, request.query.date, deps.now());
      },
    );
    app.post(
      '/api/kiosk/:center/check-in',
      { config: { rateLimit: PUBLIC_RATE }, schema: { params: CenterParams, body: CheckInRequest } },
      async (request): Promise<KioskTicket> => {
        const config = await requireQueueConfig(storage, request.params.center);
        const ticket = await checkIn(storage, config, request.body.code, deps.now());
        queueHub.changed(config.centerCode);
        return kioskTicket(storage, config, ticket);
      },
    );

    app.post('/admin/bookings', { onRequest: admin, schema: { body: BookingRequest } }, async (request): Promise<Booking> => {
      const config = await requireQueueConfig(storage, request.body.centerCode);
      return createBooking(storage, config, request.body, deps.now());
    });
    app.get(
      '/admin/bookings',
      { onRequest: admin, schema: { querystring: z.object({ center: PlaceCode, date: Day }) } },
      async (request): Promise<Booking[]> =>
        listBookings(storage, await requireQueueConfig(storage, request.query.center), request.query.date),
    );
    app.delete(
      '/admin/bookings/:code',
      { onRequest: admin, schema: { params: z.object({ code: z.string().min(1).max(20) }) } },
      async (request): Promise<Booking> => cancelBooking(storage, request.params.code),
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
