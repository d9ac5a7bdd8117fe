import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookableServices, slotStarts, weekdayOf, zonedInstant } from '../../../../server/queue/booking-schedule';
import { QueueConfig } from '../../../../shared/domain/queue-config';
import type { BookingRules } from '../../../../shared/domain/queue-config';
import { localDay } from '../../../../shared/local-day';
import sample from '../../../../docs/queue.sample.json';

const config = QueueConfig.parse(sample);
const rules = config.booking!;
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('the center’s wall clock as instants', () => {
  it('follows Kyiv’s daylight saving: 09:00 is 07:00Z in winter and 06:00Z from the last Sunday of March', () => {
    expect(zonedInstant('2026-03-27', '09:00', 'Europe/Kyiv').toISOString()).toBe('2026-03-27T07:00:00.000Z');
    expect(zonedInstant('2026-03-30', '09:00', 'Europe/Kyiv').toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect(zonedInstant('2026-10-26', '20:00', 'Europe/Kyiv').toISOString()).toBe('2026-10-26T18:00:00.000Z');
    expect(zonedInstant('2026-07-01', '00:15', 'UTC').toISOString()).toBe('2026-07-01T00:15:00.000Z');
  });

  it('names weekdays from Monday', () => {
    expect(weekdayOf('2026-12-03')).toBe('thu');
    expect(weekdayOf('2026-12-06')).toBe('sun');
    expect(weekdayOf('2026-12-07')).toBe('mon');
  });

  it('an instant built from a day and a clock shows that day and clock in its zone (hours no daylight change skips)', () => {
    const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 5, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('Europe/Kyiv', 'UTC', 'America/New_York', 'Asia/Kolkata'),
        (date, hour, minute, zone) => {
          const dayText = date.toISOString().slice(0, 10);
          const clock = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const at = zonedInstant(dayText, clock, zone);
          expect(localDay(at, zone)).toBe(dayText);
          const shown = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
            at,
          );
          expect(shown).toBe(clock);
        },
      ),
    );
  });
});

describe('booking slots', () => {
  it('the sample’s long Tuesday has 44 slots of 15 minutes from 09:00 to 19:45; Sunday none', () => {
    const tuesday = slotStarts(rules, '2026-12-01', config.timeZone);
    expect(tuesday).toHaveLength(44);
    expect(tuesday[0]!.toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(tuesday.at(-1)!.toISOString()).toBe('2026-12-01T17:45:00.000Z');
    expect(slotStarts(rules, '2026-12-06', config.timeZone)).toEqual([]);
  });

  it('a slot never runs past the hours, and split hours give slots in order', () => {
    const split: BookingRules = {
      ...rules,
      slotMinutes: 40,
      schedule: {
        mon: [
          { from: '13:00', to: '15:00' },
          { from: '09:00', to: '10:30' },
        ],
      },
    };
    expect(iso(slotStarts(split, '2026-12-07', 'UTC'))).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-07T09:40:00.000Z',
      '2026-12-07T13:00:00.000Z',
      '2026-12-07T13:40:00.000Z',
      '2026-12-07T14:20:00.000Z',
    ]);
  });

  it('every slot fits its hours whole, one slot length apart within them', () => {
    const clock = fc.integer({ min: 0, max: 23 * 60 + 59 });
    fc.assert(
      fc.property(clock, clock, fc.integer({ min: 5, max: 240 }), (a, b, slotMinutes) => {
        fc.pre(a !== b);
        const text = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const [from, to] = a < b ? [a, b] : [b, a];
        const one: BookingRules = { ...rules, slotMinutes, schedule: { wed: [{ from: text(from), to: text(to) }] } };
        const starts = slotStarts(one, '2026-12-02', 'UTC').map((d) => (d.getTime() - Date.UTC(2026, 11, 2)) / 60_000);
        expect(starts).toHaveLength(Math.floor((to - from) / slotMinutes));
        starts.forEach((start, i) => {
          expect(start).toBe(from + i * slotMinutes);
          expect(start + slotMinutes).toBeLessThanOrEqual(to);
        });
      }),
    );
  });

  it('bookable services: the listed ones, or every service a queue serves when none are listed', () => {
    expect(bookableServices(config)).toEqual(['ID-01', 'RM-01', 'RA-04']);
    expect(bookableServices({ ...config, booking: { ...rules, serviceCodes: [] } }).sort()).toEqual([
      'ID-01',
      'NR-01',
      'RA-04',
      'RM-01',
      'RM-03',
    ]);
    expect(bookableServices({ ...config, booking: null })).toEqual([]);
  });
});
