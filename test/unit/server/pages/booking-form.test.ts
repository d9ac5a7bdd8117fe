import { describe, expect, it } from 'vitest';
import type { Booking } from '../../../../shared/queue-protocol';
import { bookingRequest, byTime, clockTime, offeredServices } from '../../../../server/pages/src/bookings/booking-form';
import { centerFromPath } from '../../../../server/pages/src/common/center';
import { kioskConfig } from './kiosk-fixture';

const form = { centerCode: 'KV01', serviceCode: 'subsidy', slotStart: '2026-12-04T07:15:00.000Z', name: '', phone: '' };

describe('the bookings page', () => {
  it('sends a filled form with blanks left out, the name and phone trimmed', () => {
    expect(bookingRequest(form)).toEqual({
      ok: true,
      request: { centerCode: 'KV01', serviceCode: 'subsidy', slotStart: '2026-12-04T07:15:00.000Z' },
    });
    expect(bookingRequest({ ...form, name: ' Олена ', phone: ' +380501234567 ' })).toEqual({
      ok: true,
      request: { centerCode: 'KV01', serviceCode: 'subsidy', slotStart: '2026-12-04T07:15:00.000Z', name: 'Олена', phone: '+380501234567' },
    });
  });

  it('names the fields that are wrong instead of sending', () => {
    expect(bookingRequest({ ...form, slotStart: '', phone: '12' })).toEqual({ ok: false, fields: ['slotStart', 'phone'] });
    expect(bookingRequest({ ...form, serviceCode: '' })).toEqual({ ok: false, fields: ['serviceCode'] });
  });

  it('offers each service once, in the kiosk’s order', () => {
    expect(offeredServices(kioskConfig).map((s) => s.code)).toEqual(['subsidy', 'residence', 'passport']);
  });

  it('shows slot times on the center’s clock and lists bookings by time', () => {
    expect(clockTime('2026-12-04T07:15:00.000Z', 'uk', 'Europe/Kyiv')).toBe('09:15');
    const booking = (code: string, slotStart: string): Booking => ({
      code,
      centerCode: 'KV01',
      serviceCode: 'subsidy',
      slotStart,
      slotMinutes: 15,
      status: 'booked',
      name: null,
    });
    const sorted = byTime([
      booking('B', '2026-12-04T09:00:00.000Z'),
      booking('C', '2026-12-04T07:15:00.000Z'),
      booking('A', '2026-12-04T09:00:00.000Z'),
    ]);
    expect(sorted.map((b) => b.code)).toEqual(['C', 'A', 'B']);
  });

  it('reads the center from the page address', () => {
    expect(centerFromPath('/bookings/KV01')).toBe('KV01');
    expect(centerFromPath('/kiosk/KV01/')).toBe('KV01');
    expect(centerFromPath('/kiosk/kv01')).toBeNull();
    expect(centerFromPath('/kiosk/')).toBeNull();
    expect(centerFromPath('/board/%3Cscript%3E')).toBeNull();
  });
});
