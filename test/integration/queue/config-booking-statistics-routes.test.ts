/** The queue configuration, kiosk configuration, booking and statistics routes of the back office over real HTTP, its clock moved by the test. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/app';
import type { RunningServer } from '../../../server/app';
import { DEFAULT_MAX_BLOB_BYTES } from '../../../server/blobs/blob-routes';
import { Booking, BookingSlot, KioskConfig, KioskTicket, QueueStatistics } from '../../../shared/queue-protocol';
import { ErrorResponse } from '../../../shared/sync-protocol';
import { createEnrollmentCode, enrollDevice } from '../../../server/auth/enrollment';
import { STORAGES, syncHeaders } from '../server/harness';
import { useSampleStorage } from './sample-storage';
import { newDeskKey } from '../../helpers/desk-session';

const root = join(import.meta.dirname, '..', '..', '..');
const sample = JSON.parse(readFileSync(join(root, 'docs', 'queue.sample.json'), 'utf8')) as Record<string, unknown>;
const kyiv = (clock: string) => new Date(`2026-12-01T${clock}:00+02:00`);

describe.each(STORAGES)('queue configuration, kiosk, booking and statistics routes on %s', (kind) => {
  const db = useSampleStorage(kind, { closedBy: 'server' });
  const adminToken = randomBytes(32).toString('base64url');
  let clock = kyiv('08:00');
  const blobDir = mkdtempSync(join(tmpdir(), 'vikno-queue-blobs-'));
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(db.storage, '127.0.0.1', 0, { dir: blobDir, maxBytes: DEFAULT_MAX_BLOB_BYTES }, adminToken, {
      now: () => clock,
    });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(blobDir, { recursive: true, force: true });
  });

  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const errorOf = async (res: Response) => ErrorResponse.parse(await res.json()).error;

  it('publishes a queue.json as the admin only, refuses a bad one with its paths, and reads it back', async () => {
    const anonymous = await fetch(`${server.url}/admin/queue-config`, { method: 'POST', body: JSON.stringify(sample) });
    expect(anonymous.status).toBe(401);
    const bad = await admin('POST', '/admin/queue-config', { ...sample, centerCode: 'c1', localPrefix: 'L1' });
    expect(bad.status).toBe(400);
    const problems = (await errorOf(bad)).message;
    expect(problems).toContain('centerCode:');
    expect(problems).toContain('localPrefix:');
    expect((await admin('GET', '/admin/queue-config?center=C01')).status).toBe(404);
    const published = await admin('POST', '/admin/queue-config', sample);
    expect(await published.json()).toEqual({ centerCode: 'C01', version: 1, unchanged: false });
    const read = await admin('GET', '/admin/queue-config?center=C01');
    expect(await read.json()).toMatchObject({ centerCode: 'C01', centerName: sample['centerName'] });
  });

  it('gives the kiosk its configuration, and 404 for a center with no queue', async () => {
    const res = await fetch(`${server.url}/api/kiosk/C01/config`);
    const kiosk = KioskConfig.parse(await res.json());
    expect(kiosk.areas.map((a) => a.code)).toEqual(['documents', 'residence', 'civil', 'property']);
    expect(kiosk.bookingEnabled).toBe(true);
    const none = await fetch(`${server.url}/api/kiosk/ZZ9/config`);
    expect(none.status).toBe(404);
    expect((await errorOf(none)).code).toBe('queue_not_configured');
  });

  it('books a slot, lists and cancels bookings, and checks a visitor in at the kiosk by the server’s clock', async () => {
    clock = kyiv('08:00');
    const slots = BookingSlot.array().parse(
      await (await fetch(`${server.url}/api/booking/C01/slots?service=ID-01&date=2026-12-01`)).json(),
    );
    expect(slots[0]).toEqual({ start: kyiv('09:00').toISOString(), free: 1 });
    expect((await fetch(`${server.url}/api/booking/C01/slots?service=ID-01&date=2026-02-30`)).status).toBe(400);

    const create = (slotStart: string) =>
      admin('POST', '/admin/bookings', { centerCode: 'C01', serviceCode: 'ID-01', slotStart, name: 'Петро' });
    const booking = Booking.parse(await (await create(kyiv('09:00').toISOString())).json());
    const full = await create(kyiv('09:00').toISOString());
    expect([full.status, (await errorOf(full)).code]).toEqual([409, 'slot_full']);
    expect((await errorOf(await create(kyiv('09:05').toISOString()))).code).toBe('slot_not_in_schedule');
    const other = Booking.parse(await (await create(kyiv('10:00').toISOString())).json());
    const listed = Booking.array().parse(await (await admin('GET', '/admin/bookings?center=C01&date=2026-12-01')).json());
    expect(listed.map((b) => b.code)).toEqual([booking.code, other.code]);
    expect((await (await admin('DELETE', `/admin/bookings/${other.code}`)).json()).status).toBe('cancelled');
    expect((await fetch(`${server.url}/admin/bookings?center=C01&date=2026-12-01`)).status).toBe(401);

    const checkIn = (code: string) =>
      fetch(`${server.url}/api/kiosk/C01/check-in`, {
        method: 'POST',
        body: JSON.stringify({ code }),
        headers: { 'content-type': 'application/json' },
      });
    clock = kyiv('07:59');
    const early = await checkIn(booking.code);
    expect([early.status, (await errorOf(early)).code]).toEqual([409, 'check_in_too_early']);
    clock = kyiv('09:03');
    const paper = KioskTicket.parse(await (await checkIn(booking.code)).json());
    expect(paper).toMatchObject({ late: true, priority: false, queueNameUk: 'Паспорти' });
    expect(paper.windows).toEqual(['1', '2']);
    const again = await checkIn(booking.code);
    expect([again.status, (await errorOf(again)).code]).toEqual([409, 'booking_not_open']);
  });

  it('answers statistics to the admin for a range, and refuses a range that ends before it starts', async () => {
    const query = `center=C01&from=${encodeURIComponent(kyiv('00:00').toISOString())}&to=${encodeURIComponent(kyiv('23:59').toISOString())}`;
    const stats = QueueStatistics.parse(await (await admin('GET', `/admin/queue/statistics?${query}`)).json());
    expect(stats.total.tickets).toBe(1);
    expect(stats.byPurpose.map((r) => r.key)).toEqual(['submit']);
    const backwards = await admin(
      'GET',
      `/admin/queue/statistics?center=C01&from=${encodeURIComponent(kyiv('10:00').toISOString())}&to=${encodeURIComponent(kyiv('09:00').toISOString())}`,
    );
    expect(backwards.status).toBe(400);
    expect((await fetch(`${server.url}/admin/queue/statistics?${query}`)).status).toBe(401);
    expect((await fetch(`${server.url}/queue/statistics?${query}`, { headers: syncHeaders('not-a-device-token') })).status).toBe(401);
  });

  it('answers a desk the statistics of its own center', async () => {
    const code = await createEnrollmentCode(db.storage, { centerCode: 'C01', deskCode: 'D1' });
    const desk = await enrollDevice(db.storage, code, 'C01/D1', newDeskKey().publicKey);
    const range = `from=${encodeURIComponent(kyiv('00:00').toISOString())}&to=${encodeURIComponent(kyiv('23:59').toISOString())}`;
    const res = await fetch(`${server.url}/queue/statistics?${range}&center=OTHER`, { headers: syncHeaders(desk!.deviceToken) });
    expect(res.status).toBe(200);
    expect(QueueStatistics.parse(await res.json()).total.tickets).toBe(1);
    const bad = await fetch(`${server.url}/queue/statistics?from=yesterday&to=today`, { headers: syncHeaders(desk!.deviceToken) });
    expect([bad.status, (await errorOf(bad)).code]).toEqual([400, 'invalid_query']);
  });

  it('limits check-in per address: past 120 a minute the kiosk hears 429 with when to retry', async () => {
    const attempt = () =>
      fetch(`${server.url}/api/kiosk/C01/check-in`, {
        method: 'POST',
        body: JSON.stringify({ code: 'NOSUCH' }),
        headers: { 'content-type': 'application/json' },
      });
    const statuses = [];
    for (let i = 0; i < 121; i += 1) statuses.push((await attempt()).status);
    // The check-ins of the tests above count in the same minute.
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThanOrEqual(110);
    expect(new Set(statuses.slice(0, first))).toEqual(new Set([404]));
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await errorOf(limited)).code).toBe('rate_limited');
  });
});
